package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Holds an authorization request until the session meets the assurance level it needs:
 * the higher of the client's minimum and the {@code acr_values} it asked for. A session
 * below it steps up in place (the citizen gives a second factor, never the password
 * again); when the level cannot be reached the client gets
 * {@code unmet_authentication_requirements} (OpenID Connect Unmet Authentication
 * Requirements 1.0), and with {@code prompt=none} it gets {@code interaction_required}.
 */
final class AssuranceRequirementFilter extends OncePerRequestFilter {

	static final String STEP_UP_PATH = "/login/second-factor";

	private final RegisteredClientRepository clients;

	private final Predicate<String> canStepUpToMultiFactor;

	private final Predicate<String> hasPasskey;

	private final AuthorizationResponses responses;

	/**
	 * @param canStepUpToMultiFactor whether the account (by principal name) has a second
	 * factor
	 * @param hasPasskey whether the account (by principal name) has a passkey, which
	 * meets every level
	 */
	AssuranceRequirementFilter(RegisteredClientRepository clients, Predicate<String> canStepUpToMultiFactor,
			Predicate<String> hasPasskey, AuthorizationResponses responses) {
		this.clients = clients;
		this.canStepUpToMultiFactor = canStepUpToMultiFactor;
		this.hasPasskey = hasPasskey;
		this.responses = responses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !"/oauth2/authorize".equals(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Object validated = request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName());
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !(validated instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)) {
			chain.doFilter(request, response);
			return;
		}
		RegisteredClient client = this.clients.findByClientId(authorizationRequest.getClientId());
		String required = required(client, requestedLevels(request));
		String achieved = AuthenticationFactors.of(authentication).acr();
		if (AssuranceLevels.satisfies(achieved, required)) {
			chain.doFilter(request, response);
			return;
		}
		if (PromptLoginFilter.hasPrompt(request, "none")) {
			fail(request, response, authorizationRequest, "interaction_required");
		}
		else if (canStepUpTo(required, authentication.getName())) {
			String original = request.getRequestURI() + "?" + request.getQueryString();
			UriComponentsBuilder stepUp = UriComponentsBuilder.fromPath(request.getContextPath() + STEP_UP_PATH)
				.queryParam("continue", "{continue}");
			if (AssuranceLevels.LOA3.equals(required)) {
				// Only a passkey reaches loa:3: the step-up page then offers nothing
				// else.
				stepUp.queryParam("level", "3");
			}
			response.sendRedirect(stepUp.encode().buildAndExpand(original).toUriString());
		}
		else {
			fail(request, response, authorizationRequest, "unmet_authentication_requirements");
		}
	}

	/** loa:3 needs a passkey; loa:2 a second factor or a passkey. */
	private boolean canStepUpTo(String required, String principal) {
		if (AssuranceLevels.LOA3.equals(required)) {
			return this.hasPasskey.test(principal);
		}
		return AssuranceLevels.LOA2.equals(required)
				&& (this.canStepUpToMultiFactor.test(principal) || this.hasPasskey.test(principal));
	}

	/**
	 * The levels the request names: {@code acr_values}, and the values of an essential
	 * {@code acr} claim in the {@code claims} parameter (OpenID Connect Core §5.5.1.1),
	 * space-separated.
	 */
	static String requestedLevels(HttpServletRequest request) {
		StringBuilder levels = new StringBuilder();
		if (request.getParameter("acr_values") != null) {
			levels.append(request.getParameter("acr_values"));
		}
		String claims = request.getParameter("claims");
		if (claims != null && claims.length() <= 4096) {
			EssentialAcr.values(claims).forEach((value) -> levels.append(' ').append(value));
		}
		String result = levels.toString().strip();
		return result.isEmpty() ? null : result;
	}

	/**
	 * The client's minimum, raised by the weakest known level the request names in
	 * {@code acr_values}.
	 */
	static String required(RegisteredClient client, String acrValues) {
		String required = (client != null) ? KhyberPassClientSettings.minAcr(client) : AssuranceLevels.LOA1;
		if (acrValues == null) {
			return required;
		}
		String asked = Arrays.stream(acrValues.split(" "))
			.filter(AssuranceLevels::isKnown)
			.min(java.util.Comparator.comparingInt(AssuranceLevels.ALL::indexOf))
			.orElse(AssuranceLevels.LOA1);
		return AssuranceLevels.satisfies(asked, required) ? asked : required;
	}

	private void fail(HttpServletRequest request, HttpServletResponse response,
			OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest, String errorCode)
			throws IOException {
		OAuth2Error error = new OAuth2Error(errorCode, "The requested assurance level cannot be met", null);
		this.responses.onAuthenticationFailure(request, response,
				new OAuth2AuthorizationCodeRequestAuthenticationException(error, authorizationRequest));
	}

}
