package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

/**
 * Authenticates API requests by their {@code Authorization: Bearer} access token,
 * verified by {@link KhyberPassClient#verifyAccessToken(String, AssuranceLevel)} at the
 * level the {@link KhyberPassAssurance} rules require: 401 {@code invalid_token} when it
 * is rejected, 401 {@code insufficient_user_authentication} when its {@code acr} is too
 * low. A request without a token continues unauthenticated (and gets 401 where
 * authentication is required).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-2.1">RFC 6750 §2.1</a>
 */
final class KhyberPassBearerTokenFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassBearerTokenFilter.class);

	private static final String PREFIX = "bearer ";

	private final KhyberPassClient client;

	private final KhyberPassAssurance assurance;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	KhyberPassBearerTokenFilter(KhyberPassClient client, KhyberPassAssurance assurance) {
		this.client = client;
		this.assurance = assurance;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
			chain.doFilter(request, response);
			return;
		}
		String jwt = header.substring(PREFIX.length()).trim();
		AssuranceLevel required = this.assurance.requiredFor(request).orElse(null);
		VerifiedAccessToken token;
		try {
			token = verify(jwt, required);
		}
		catch (InvalidTokenException ex) {
			log.debug("Bearer token refused ({}): {}", ex.reason(), ex.getMessage());
			this.contextHolder.clearContext();
			if (ex.reason() == InvalidTokenException.Reason.ACR && required != null) {
				BearerChallenge.insufficientUserAuthentication(response, required);
			}
			else {
				BearerChallenge.invalidToken(response);
			}
			return;
		}
		catch (KhyberPassClientException ex) {
			log.warn("Bearer token not verified, Khyber Pass keys unavailable: {}", ex.getMessage());
			response.setHeader("Retry-After", "5");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(new KhyberPassBearerAuthentication(token));
		this.contextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	private VerifiedAccessToken verify(String jwt, @Nullable AssuranceLevel required) {
		return (required != null) ? this.client.verifyAccessToken(jwt, required) : this.client.verifyAccessToken(jwt);
	}

}
