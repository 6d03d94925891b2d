package pk.gov.kp.khyberpass.protection;

import java.time.Duration;

/**
 * Sign-in with one account name was just locked after too many wrong passwords. Published
 * once per lock.
 *
 * @param username the name in canonical form (the formatted CNIC or the E.164 mobile
 * number, or what was typed if it is neither); never log it
 * @param lockDuration how long the lock lasts
 */
public record SignInLocked(String username, Duration lockDuration) {

	@Override
	public String toString() {
		return "SignInLocked[lockDuration=" + this.lockDuration + "]";
	}

}
