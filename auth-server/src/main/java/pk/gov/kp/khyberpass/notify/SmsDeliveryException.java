package pk.gov.kp.khyberpass.notify;

import org.jspecify.annotations.Nullable;

/**
 * The SMS gateway could not be reached or refused a message. The message never carries
 * the recipient or text.
 */
public final class SmsDeliveryException extends RuntimeException {

	SmsDeliveryException(String message) {
		super(message);
	}

	SmsDeliveryException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
