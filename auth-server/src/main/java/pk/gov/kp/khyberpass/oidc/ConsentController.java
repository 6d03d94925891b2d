package pk.gov.kp.khyberpass.oidc;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent page: names the department and each piece of information it asks for, as
 * narrowed by the department's {@code claims-allowed}, so the page never promises more
 * than the department will get; a department API scope is described as the security team
 * registered it ({@link ApiScopes}), in the citizen's language when it has one, else in
 * English, else by its name. The CNIC is never pre-selected: sharing it takes the
 * citizen's explicit tick. The form posts back to the authorization endpoint, which
 * records the consent.
 */
@Controller
final class ConsentController {

	static final String PATH = "/oauth2/consent";

	private static final Logger log = LoggerFactory.getLogger(ConsentController.class);

	private static final Set<String> SENSITIVE = Set.of("cnic");

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final MessageSource messages;

	private final ApiScopes apiScopes;

	ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
			MessageSource messages, ApiScopes apiScopes) {
		this.clients = clients;
		this.consents = consents;
		this.messages = messages;
		this.apiScopes = apiScopes;
	}

	@GetMapping(PATH)
	String consent(Principal principal, @RequestParam("client_id") String clientId, @RequestParam("scope") String scope,
			@RequestParam("state") String state, Locale locale, Model model) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
		}
		OAuth2AuthorizationConsent previous = this.consents.findById(client.getId(), principal.getName());
		Set<String> granted = (previous != null) ? previous.getScopes() : Set.of();
		Optional<Set<String>> allowed = KhyberPassClientSettings.claimsAllowed(client);
		Set<String> requested = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
		requested.removeIf((name) -> OidcScopes.OPENID.equals(name) || !client.getScopes().contains(name));
		Map<String, ApiScope> described = this.apiScopes.describedAmong(requested);
		List<ScopeChoice> choices = new ArrayList<>();
		for (String name : requested) {
			ScopeLabel label = label(name, allowed, described, locale);
			if (label != null) {
				if (ApiScope.isApiScopeName(name) && !described.containsKey(name)) {
					log.debug("Consent for client {} shows API scope {} by its name: it has no description",
							client.getClientId(), name);
				}
				boolean sensitive = SENSITIVE.contains(name);
				choices.add(new ScopeChoice(name, label.text(), label.language(), sensitive,
						granted.contains(name) || !sensitive));
			}
		}
		model.addAttribute("department", client.getClientName());
		model.addAttribute("clientId", clientId);
		model.addAttribute("state", state);
		model.addAttribute("choices", choices);
		return "oidc/consent";
	}

	/**
	 * What the page says the department gets under a scope: the scope's own wording (an
	 * API scope's registered description), or, for a department allowed only some of the
	 * scope's claims, those claims; {@code null} when it would get none of them.
	 */
	private @Nullable ScopeLabel label(String scope, Optional<Set<String>> allowed, Map<String, ApiScope> described,
			Locale locale) {
		List<String> everything = ReleasableClaims.releasedBy(scope, Optional.empty());
		List<String> released = ReleasableClaims.releasedBy(scope, allowed);
		if (released.equals(everything)) {
			return ScopeLabel.of(scope, described, this.messages, locale);
		}
		if (released.isEmpty()) {
			return null;
		}
		return new ScopeLabel(released.stream()
			.map((claim) -> this.messages.getMessage("consent.claim." + claim, null, claim, locale))
			.collect(Collectors.joining(", ")), null);
	}

	/**
	 * One requested scope as the page shows it.
	 *
	 * @param labelLanguage the language of {@code label} when it is not the page's (an
	 * English fallback)
	 */
	record ScopeChoice(String scope, String label, @Nullable String labelLanguage, boolean sensitive,
			boolean preselected) {
	}

}
