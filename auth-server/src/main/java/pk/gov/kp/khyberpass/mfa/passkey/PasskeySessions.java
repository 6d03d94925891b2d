package pk.gov.kp.khyberpass.mfa.passkey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.CitizenAuthenticationProvider;

/**
 * Puts a verified passkey into the citizen's session, as form login does for a password:
 * a new session id (no fixation), a fresh CSRF token, the security context saved, and the
 * saved authorization request to go back to.
 * <p>
 * A passkey adds two factor authorities: {@code FACTOR_WEBAUTHN} (possession of a
 * hardware-bound key, {@code amr} {@code hwk}) and {@code FACTOR_USER_VERIFICATION} (the
 * authenticator verified the citizen with a PIN or biometric, which WebAuthn does not
 * tell apart; {@code amr} {@code user}). With user verification required, a passkey alone
 * is multi-factor and phishing-resistant: {@code urn:kp:loa:3}.
 */
final class PasskeySessions {

	/** The factor authority for the user verification a passkey performs. */
	static final String USER_VERIFICATION_AUTHORITY = "FACTOR_USER_VERIFICATION";

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	PasskeySessions(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Signs the citizen in.
	 * @return where the browser goes next: the saved authorization request, or the home
	 * page
	 */
	String signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(CitizenAuthenticationProvider.CITIZEN_AUTHORITY));
		authorities.addAll(passkeyFactors());
		SavedRequest saved = this.requests.getRequest(request, response);
		establish(authorities, account.id().toString(), request, response);
		return (saved != null) ? saved.getRedirectUrl() : request.getContextPath() + "/";
	}

	/** Adds the passkey's factors to the session's authentication. */
	void stepUp(Authentication current, HttpServletRequest request, HttpServletResponse response) {
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
		authorities.addAll(passkeyFactors());
		establish(authorities, current.getName(), request, response);
	}

	private List<GrantedAuthority> passkeyFactors() {
		return List.of(
				FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
					.issuedAt(this.clock.instant())
					.build(),
				FactorGrantedAuthority.withAuthority(USER_VERIFICATION_AUTHORITY)
					.issuedAt(this.clock.instant())
					.build());
	}

	private void establish(List<GrantedAuthority> authorities, String principal, HttpServletRequest request,
			HttpServletResponse response) {
		request.getSession();
		request.changeSessionId();
		this.csrfTokens.saveToken(null, request, response);
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(principal, null, authorities);
		authentication.setDetails(this.details.buildDetails(request));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
