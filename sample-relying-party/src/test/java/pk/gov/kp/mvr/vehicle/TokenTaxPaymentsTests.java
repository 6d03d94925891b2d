package pk.gov.kp.mvr.vehicle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenTaxPaymentsTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneId.of("Asia/Karachi"));

	private final VehicleRepository vehicles = new VehicleRepository(this.clock);

	private final TokenTaxPayments payments = new TokenTaxPayments(this.vehicles, this.clock);

	@Test
	void findByOwnerWhenNewOwnerThenRegistersOneVehicleWithTaxDue() {
		var owned = this.vehicles.findByOwner("subject-1");

		assertThat(owned).hasSize(2);
		assertThat(owned).filteredOn((vehicle) -> !vehicle.tokenTaxPaidOn(LocalDate.now(this.clock))).hasSize(1);
	}

	@Test
	void payWhenTaxDueThenPaidUntilEndOfFiscalYear() {
		Vehicle due = dueVehicleOf("subject-1");

		Vehicle paid = this.payments.pay("subject-1", due.registrationNumber());

		assertThat(paid.tokenTaxPaidUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(this.vehicles.findByRegistrationNumber(due.registrationNumber())).contains(paid);
	}

	@Test
	void payWhenVehicleOfAnotherOwnerThenThrowVehicleNotFoundException() {
		Vehicle someoneElses = dueVehicleOf("subject-1");

		assertThatThrownBy(() -> this.payments.pay("subject-2", someoneElses.registrationNumber()))
			.isInstanceOf(VehicleNotFoundException.class);
	}

	private Vehicle dueVehicleOf(String owner) {
		return this.vehicles.findByOwner(owner)
			.stream()
			.filter((vehicle) -> !vehicle.tokenTaxPaidOn(LocalDate.now(this.clock)))
			.findFirst()
			.orElseThrow();
	}

}
