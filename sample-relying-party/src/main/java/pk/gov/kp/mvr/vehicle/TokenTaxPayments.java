package pk.gov.kp.mvr.vehicle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records token-tax payments: a payment covers the vehicle until the end of the fiscal
 * year (30 June) after the later of today and the current paid-until date.
 */
@Service
public final class TokenTaxPayments {

	private static final Logger log = LoggerFactory.getLogger(TokenTaxPayments.class);

	private final VehicleRepository vehicles;

	private final Clock clock;

	TokenTaxPayments(VehicleRepository vehicles, Clock clock) {
		this.vehicles = vehicles;
		this.clock = clock;
	}

	/**
	 * Pays one year of token tax for one of the owner's vehicles.
	 * @param owner the owner's subject
	 * @param registrationNumber the vehicle
	 * @return the vehicle after payment
	 * @throws VehicleNotFoundException if the owner has no such vehicle
	 */
	public Vehicle pay(String owner, String registrationNumber) {
		Vehicle vehicle = this.vehicles.findOwned(owner, registrationNumber)
			.orElseThrow(() -> new VehicleNotFoundException(registrationNumber));
		LocalDate today = LocalDate.now(this.clock);
		LocalDate from = vehicle.tokenTaxPaidOn(today) ? vehicle.tokenTaxPaidUntil() : today;
		LocalDate fiscalYearEnd = LocalDate.of(from.getYear(), Month.JUNE, 30);
		LocalDate until = fiscalYearEnd.isAfter(from) ? fiscalYearEnd : fiscalYearEnd.plusYears(1);
		Vehicle paid = vehicle.withTokenTaxPaidUntil(until);
		this.vehicles.save(paid);
		log.info("Token tax of Rs {} paid for {} by subject {}", vehicle.yearlyTokenTax(), registrationNumber, owner);
		return paid;
	}

}
