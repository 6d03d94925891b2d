package pk.gov.kp.mvr.vehicle;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No vehicle with this registration number, or not one of the citizen's.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public final class VehicleNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param registrationNumber the number asked for
	 */
	public VehicleNotFoundException(String registrationNumber) {
		super("No vehicle " + registrationNumber + " for this citizen");
	}

}
