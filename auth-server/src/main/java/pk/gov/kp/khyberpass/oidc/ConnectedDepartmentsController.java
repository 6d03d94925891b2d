package pk.gov.kp.khyberpass.oidc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * The departments a citizen has connected with, and what each may see (an API scope as
 * its registered description says, in the citizen's language when it has one);
 * withdrawing a consent also revokes that department's token families for the citizen
 * (its refresh tokens, and its access tokens at userinfo and introspection), so it cannot
 * go on reading in the background, and signs the citizen out of the department's service
 * ({@link DepartmentAccessWithdrawn}).
 */
@Controller
class ConnectedDepartmentsController {

	static final String PATH = "/account/departments";

	private final JdbcClient jdbc;

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessageSource messages;

	private final TokenFamilyAuthorizationService families;

	private final SessionTokenFamilies sessionFamilies;

	private final ApiScopes apiScopes;

	ConnectedDepartmentsController(JdbcClient jdbc, RegisteredClientRepository clients,
			OAuth2AuthorizationConsentService consents, ApplicationEventPublisher events, Clock clock,
			MessageSource messages, TokenFamilyAuthorizationService families, SessionTokenFamilies sessionFamilies,
			ApiScopes apiScopes) {
		this.apiScopes = apiScopes;
		this.messages = messages;
		this.families = families;
		this.sessionFamilies = sessionFamilies;
		this.jdbc = jdbc;
		this.clients = clients;
		this.consents = consents;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(Authentication citizen, @RequestParam(name = "withdrawn", required = false) String withdrawn,
			Locale locale, Model model) {
		model.addAttribute("withdrawn", withdrawn != null);
		Map<RegisteredClient, List<String>> consented = new LinkedHashMap<>();
		for (Map<String, Object> row : this.jdbc
			.sql("SELECT registered_client_id, authorities FROM oauth2_authorization_consent WHERE principal_name = ?")
			.param(citizen.getName())
			.query()
			.listOfRows()) {
			RegisteredClient client = this.clients.findById((String) row.get("registered_client_id"));
			if (client != null) {
				consented.put(client,
						Arrays.stream(((String) row.get("authorities")).split(","))
							.filter((authority) -> authority.startsWith("SCOPE_"))
							.map((authority) -> authority.substring("SCOPE_".length()))
							.filter((scope) -> !"openid".equals(scope))
							.sorted()
							.toList());
			}
		}
		Map<String, ApiScope> described = this.apiScopes
			.describedAmong(consented.values().stream().flatMap(List::stream).toList());
		List<Connection> connections = new ArrayList<>();
		consented
			.forEach((client, scopes) -> connections.add(new Connection(client.getClientId(), client.getClientName(),
					scopes.stream().map((scope) -> ScopeLabel.of(scope, described, this.messages, locale)).toList())));
		model.addAttribute("connections", connections);
		return "oidc/departments";
	}

	@PostMapping(PATH + "/withdraw")
	@Transactional
	String withdraw(Authentication citizen, @RequestParam("client_id") String clientId) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client != null) {
			OAuth2AuthorizationConsent consent = this.consents.findById(client.getId(), citizen.getName());
			if (consent != null) {
				this.consents.remove(consent);
			}
			this.families.revokeAllFor(citizen.getName(), client.getId());
			this.events.publishEvent(AuditEvent.of(AuditEventType.CONSENT_WITHDRAWN, citizen.getName(),
					citizen.getName(), clientId, this.clock.instant()));
			this.events.publishEvent(
					new DepartmentAccessWithdrawn(this.sessionFamilies.participant(client, citizen.getName())));
		}
		return "redirect:" + PATH + "?withdrawn";
	}

	/** One connected department as the page shows it. */
	record Connection(String clientId, String name, List<ScopeLabel> shared) {
	}

}
