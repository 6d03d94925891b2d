package pk.gov.kp.khyberpass.protection;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt refused before the password was checked, because of earlier failures.
 */
public final class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	public SignInThrottledException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** How long the citizen should wait before trying again. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
