package pk.gov.kp.khyberpass.oidc;

import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * Records every consent a citizen gives in the audit log (which department, which
 * scopes), around the consent storage.
 */
final class AuditedConsentService implements OAuth2AuthorizationConsentService {

	private final OAuth2AuthorizationConsentService delegate;

	private final RegisteredClientRepository clients;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AuditedConsentService(OAuth2AuthorizationConsentService delegate, RegisteredClientRepository clients,
			ApplicationEventPublisher events, Clock clock) {
		this.delegate = delegate;
		this.clients = clients;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		this.delegate.save(consent);
		RegisteredClient client = this.clients.findById(consent.getRegisteredClientId());
		String clientId = (client != null) ? client.getClientId() : consent.getRegisteredClientId();
		this.events.publishEvent(new AuditEvent(AuditEventType.CONSENT_GRANTED, consent.getPrincipalName(),
				consent.getPrincipalName(), clientId, this.clock.instant(),
				Map.of("scopes", String.join(" ", new TreeSet<>(consent.getScopes())))));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		this.delegate.remove(consent);
	}

	@Override
	public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		return this.delegate.findById(registeredClientId, principalName);
	}

}
