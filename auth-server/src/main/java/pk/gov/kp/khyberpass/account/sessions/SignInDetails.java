package pk.gov.kp.khyberpass.account.sessions;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Remembers in the session, at password sign-in, what the sessions page shows: when, the
 * device summary and the masked address (never the full address or the {@code User-Agent}
 * header). Session attributes survive the session id change that follows sign-in.
 */
@Component
final class SignInDetails {

	static final String SIGNED_IN_AT = "khyberpass.signin.at";

	static final String BROWSER = "khyberpass.signin.browser";

	static final String SYSTEM = "khyberpass.signin.system";

	static final String ADDRESS = "khyberpass.signin.address";

	private final Clock clock;

	SignInDetails(Clock clock) {
		this.clock = clock;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		HttpServletRequest request = attributes.getRequest();
		HttpSession session = request.getSession(true);
		Device device = Device.of(request.getHeader("User-Agent"));
		session.setAttribute(SIGNED_IN_AT, this.clock.millis());
		session.setAttribute(BROWSER, device.browser());
		session.setAttribute(SYSTEM, device.system());
		session.setAttribute(ADDRESS, MaskedAddress.of(request.getRemoteAddr()));
	}

}
