package pk.gov.kp.mvr.lookup;

import java.time.LocalDate;

/**
 * A vehicle as the registry API describes it.
 *
 * @param registrationNumber the registration number
 * @param make the manufacturer
 * @param model the model
 * @param year the model year
 * @param tokenTaxPaidUntil the last day the token tax covers
 * @param tokenTaxPaid whether the token tax covers today
 */
public record RegistryVehicle(String registrationNumber, String make, String model, int year,
		LocalDate tokenTaxPaidUntil, boolean tokenTaxPaid) {
}
