package pk.gov.kp.mvr.vehicle;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A vehicle registered to a citizen.
 *
 * @param registrationNumber the registration number, such as {@code PES-1001}
 * @param make the manufacturer
 * @param model the model
 * @param year the model year
 * @param engineCc the engine displacement in cubic centimetres, which sets the token tax
 * @param tokenTaxPaidUntil the last day covered by the token tax paid so far
 */
public record Vehicle(String registrationNumber, String make, String model, int year, int engineCc,
		LocalDate tokenTaxPaidUntil) {

	/**
	 * Checks the values.
	 */
	public Vehicle {
		Objects.requireNonNull(registrationNumber, "registrationNumber");
		Objects.requireNonNull(make, "make");
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(tokenTaxPaidUntil, "tokenTaxPaidUntil");
	}

	/**
	 * Returns whether the token tax covers the given day.
	 * @param today the day
	 * @return {@code true} if paid up
	 */
	public boolean tokenTaxPaidOn(LocalDate today) {
		return !this.tokenTaxPaidUntil.isBefore(today);
	}

	/**
	 * Returns the yearly token tax in rupees, by engine size (the demo schedule).
	 * @return the amount
	 */
	public int yearlyTokenTax() {
		if (this.engineCc <= 1000) {
			return 1500;
		}
		return (this.engineCc <= 1300) ? 2500 : 4500;
	}

	/**
	 * Returns the vehicle with the token tax paid until the given day.
	 * @param until the last day covered
	 * @return the updated vehicle
	 */
	Vehicle withTokenTaxPaidUntil(LocalDate until) {
		return new Vehicle(this.registrationNumber, this.make, this.model, this.year, this.engineCc, until);
	}

}
