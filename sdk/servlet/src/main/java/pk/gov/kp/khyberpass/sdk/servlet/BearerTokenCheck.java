package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

/**
 * The API side: requires a valid {@code Authorization: Bearer} JWT access token, and
 * answers RFC 6750 / RFC 9470 challenges otherwise. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9470#section-3">RFC 9470 §3</a>
 */
final class BearerTokenCheck {

	private static final System.Logger log = System.getLogger(BearerTokenCheck.class.getName());

	private static final Pattern BEARER = Pattern.compile("(?i)bearer +([A-Za-z0-9\\-._~+/]+=*) *");

	private final KhyberPassClient client;

	BearerTokenCheck(KhyberPassClient client) {
		this.client = client;
	}

	void check(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			Optional<AssuranceLevel> minimumAcr) throws IOException, ServletException {
		List<String> headers = Collections.list(request.getHeaders("Authorization"));
		if (headers.size() > 1) {
			challenge(response, HttpServletResponse.SC_BAD_REQUEST, "Bearer error=\"invalid_request\"");
			return;
		}
		String header = headers.isEmpty() ? null : headers.get(0);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			challenge(response, HttpServletResponse.SC_UNAUTHORIZED, "Bearer");
			return;
		}
		VerifiedAccessToken token;
		try {
			token = verify(token(header), minimumAcr);
		}
		catch (InvalidTokenException ex) {
			log.log(Level.DEBUG, "Refused a bearer token (" + ex.reason() + "): " + ex.getMessage());
			if (ex.reason() == InvalidTokenException.Reason.ACR && minimumAcr.isPresent()) {
				challenge(response, HttpServletResponse.SC_UNAUTHORIZED,
						"Bearer error=\"insufficient_user_authentication\", error_description=\"A stronger "
								+ "sign-in is required\", acr_values=\"" + minimumAcr.get().value() + "\"");
			}
			else {
				challenge(response, HttpServletResponse.SC_UNAUTHORIZED, "Bearer error=\"invalid_token\"");
			}
			return;
		}
		catch (KhyberPassClientException ex) {
			log.log(Level.WARNING, "Cannot verify a bearer token: " + ex.getMessage());
			RefusalPage.sendText(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
					"Token verification is not available right now.");
			return;
		}
		request.setAttribute(KhyberPassFilter.ACCESS_TOKEN_ATTRIBUTE, token);
		chain.doFilter(new AuthenticatedRequest(request, new BearerPrincipal(token.subject()),
				AuthenticatedRequest.BEARER_AUTH), response);
	}

	private VerifiedAccessToken verify(@Nullable String jwt, Optional<AssuranceLevel> minimumAcr) {
		return minimumAcr.isPresent() ? this.client.verifyAccessToken(jwt, minimumAcr.get())
				: this.client.verifyAccessToken(jwt);
	}

	/**
	 * The token of a well-formed header, or {@code null} (which the SDK rejects as
	 * malformed).
	 */
	private static @Nullable String token(String header) {
		Matcher matcher = BEARER.matcher(header);
		return matcher.matches() ? matcher.group(1) : null;
	}

	private static void challenge(HttpServletResponse response, int status, String challenge) {
		response.resetBuffer();
		response.setStatus(status);
		RefusalPage.noStore(response);
		response.setHeader("WWW-Authenticate", challenge);
		response.setContentLength(0);
	}

	/**
	 * The caller of an API request: the {@code sub} of its access token.
	 *
	 * @param subject the subject
	 */
	private record BearerPrincipal(String subject) implements Principal {

		@Override
		public String getName() {
			return this.subject;
		}

	}

}
