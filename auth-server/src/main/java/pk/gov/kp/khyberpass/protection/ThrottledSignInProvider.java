package pk.gov.kp.khyberpass.protection;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import pk.gov.kp.khyberpass.account.InvalidMobileNumberException;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.cnic.InvalidCnicException;

/**
 * Puts the {@link SignInThrottle} in front of password sign-in: a throttled attempt never
 * reaches the password check, every wrong password counts, and a success clears the
 * name's failures. Names are counted in their canonical form (13 CNIC digits, or the
 * E.164 mobile number), so spelling a number differently does not earn fresh attempts.
 */
public final class ThrottledSignInProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	public ThrottledSignInProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String name = canonical(attempt.getName());
		String address = clientAddress(attempt);
		this.throttle.checkAllowed(name, address);
		try {
			Authentication result = this.passwords.authenticate(attempt);
			this.throttle.recordSuccess(name);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.recordFailure(name, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

	private static String canonical(String username) {
		try {
			return Cnic.parse(username).formatted();
		}
		catch (InvalidCnicException notCnic) {
			try {
				return MobileNumber.parse(username).e164();
			}
			catch (InvalidMobileNumberException notMobile) {
				return username;
			}
		}
	}

	private static String clientAddress(Authentication attempt) {
		return (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null)
				? details.getRemoteAddress() : "unknown";
	}

}
