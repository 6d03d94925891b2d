package pk.gov.kp.khyberpass.notify;

import org.jspecify.annotations.Nullable;

/**
 * The mail relay could not be reached or refused a message. The message never carries the
 * recipient or text.
 */
public final class EmailDeliveryException extends RuntimeException {

	EmailDeliveryException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
