package pk.gov.kp.mvr.vehicle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Repository;

/**
 * The vehicle register, in memory for the sample: vehicles by owner ({@code sub} from
 * Khyber Pass) and by registration number. A citizen seen for the first time gets two
 * demo vehicles, one with its token tax due. Thread-safe.
 */
@Repository
public final class VehicleRepository {

	private final Map<String, List<String>> byOwner = new ConcurrentHashMap<>();

	private final Map<String, Vehicle> byRegistration = new ConcurrentHashMap<>();

	private final Map<String, String> owners = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger(1000);

	private final Clock clock;

	VehicleRepository(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Returns the owner's vehicles, registering demo vehicles for an owner seen for the
	 * first time.
	 * @param owner the owner's subject at this department
	 * @return the vehicles, sorted by registration number
	 */
	public List<Vehicle> findByOwner(String owner) {
		List<String> registrations = this.byOwner.computeIfAbsent(owner, this::registerDemoVehicles);
		return registrations.stream()
			.map(this.byRegistration::get)
			.sorted(java.util.Comparator.comparing(Vehicle::registrationNumber))
			.toList();
	}

	/**
	 * Returns the vehicles registered to an owner, without making demo vehicles for an
	 * unknown one.
	 * @param owner the owner's subject at the registry
	 * @return the vehicles by registration number, empty if none
	 */
	public List<Vehicle> findRegisteredTo(String owner) {
		return this.byOwner.getOrDefault(owner, List.of())
			.stream()
			.map(this.byRegistration::get)
			.sorted(java.util.Comparator.comparing(Vehicle::registrationNumber))
			.toList();
	}

	/**
	 * Finds a vehicle by registration number, whoever owns it.
	 * @param registrationNumber the number, in any letter case
	 * @return the vehicle, or empty
	 */
	public Optional<Vehicle> findByRegistrationNumber(String registrationNumber) {
		return Optional.ofNullable(this.byRegistration.get(registrationNumber.toUpperCase(Locale.ROOT)));
	}

	/**
	 * Finds one of the owner's vehicles.
	 * @param owner the owner's subject
	 * @param registrationNumber the number
	 * @return the vehicle, or empty when unknown or owned by someone else
	 */
	public Optional<Vehicle> findOwned(String owner, String registrationNumber) {
		return findByRegistrationNumber(registrationNumber)
			.filter((vehicle) -> owner.equals(this.owners.get(vehicle.registrationNumber())));
	}

	/**
	 * Stores a changed vehicle.
	 * @param vehicle the vehicle, already registered
	 */
	void save(Vehicle vehicle) {
		this.byRegistration.replace(vehicle.registrationNumber(), vehicle);
	}

	private List<String> registerDemoVehicles(String owner) {
		LocalDate today = LocalDate.now(this.clock);
		Vehicle car = new Vehicle(nextRegistration("PES"), "Suzuki", "Mehran VXR", 2016, 796, today.minusMonths(2));
		Vehicle jeep = new Vehicle(nextRegistration("MRD"), "Toyota", "Land Cruiser", 2011, 4200, today.plusMonths(5));
		for (Vehicle vehicle : List.of(car, jeep)) {
			this.byRegistration.put(vehicle.registrationNumber(), vehicle);
			this.owners.put(vehicle.registrationNumber(), owner);
		}
		return List.of(car.registrationNumber(), jeep.registrationNumber());
	}

	private String nextRegistration(String district) {
		return district + "-" + this.sequence.incrementAndGet();
	}

}
