package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * The registry of department clients: registers or updates them and generates their
 * secrets.
 */
@Service
public final class DepartmentClients {

	private static final Logger log = LoggerFactory.getLogger(DepartmentClients.class);

	private final CachingRegisteredClientRepository repository;

	private final PasswordEncoder secretHasher;

	private final SecureRandom random;

	private final OidcProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DepartmentClients(CachingRegisteredClientRepository repository, ClientSecretHasher secretHasher,
			SecureRandom random, OidcProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.secretHasher = secretHasher;
		this.random = random;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers {@code client}, or updates the registration with the same client id.
	 * @return the generated secret, present only when the server generated one (shown
	 * once, never stored in clear)
	 */
	public Optional<String> register(DepartmentClient client) {
		RegisteredClient existing = this.repository.findAnyByClientId(client.clientId());
		String generated = null;
		String storedSecret = null;
		if (usesSecret(client)) {
			if (client.clientSecret() != null) {
				storedSecret = this.secretHasher.encode(client.clientSecret());
			}
			else if (existing != null && existing.getClientSecret() != null) {
				storedSecret = existing.getClientSecret();
			}
			else {
				generated = newSecret();
				storedSecret = this.secretHasher.encode(generated);
			}
		}
		RegisteredClient registration = toRegisteredClient(client,
				(existing != null) ? existing.getId() : UUID.randomUUID().toString(), storedSecret);
		if (existing != null && KhyberPassClientSettings.disabled(existing)) {
			// a client the security team disabled stays disabled when the seed file runs
			// again
			registration = RegisteredClient.from(registration)
				.clientSettings(ClientSettings.withSettings(registration.getClientSettings().getSettings())
					.setting(KhyberPassClientSettings.DISABLED, true)
					.build())
				.build();
		}
		try {
			this.repository.save(registration);
		}
		catch (DuplicateKeyException ex) {
			// Another node registered the same client id a moment ago (several nodes
			// seeding at once).
			RegisteredClient winner = this.repository.findAnyByClientId(client.clientId());
			if (winner == null) {
				throw ex;
			}
			this.repository.save(toRegisteredClient(client, winner.getId(),
					(storedSecret != null && generated == null) ? storedSecret : winner.getClientSecret()));
			generated = null;
		}
		log.info((existing != null) ? "Updated department client {}" : "Registered department client {}",
				client.clientId());
		this.events.publishEvent(AuditEvent.of(AuditEventType.CLIENT_REGISTERED, AuditEvent.SYSTEM, client.clientId(),
				client.clientId(), this.clock.instant()));
		return Optional.ofNullable(generated);
	}

	/** A fresh 256-bit client secret, base64url. */
	String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean usesSecret(DepartmentClient client) {
		return client.authMethod() == DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC
				|| client.authMethod() == DepartmentClient.AuthMethod.CLIENT_SECRET_POST;
	}

	private RegisteredClient toRegisteredClient(DepartmentClient client, String id, @Nullable String storedSecret) {
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(client.authMethod() == DepartmentClient.AuthMethod.NONE)
			.requireAuthorizationConsent(client.requireConsent())
			.setting(KhyberPassClientSettings.SECTOR, client.effectiveSector())
			.setting(KhyberPassClientSettings.PUBLIC_SUBJECT, client.publicSubject())
			.setting(KhyberPassClientSettings.MIN_ACR, client.minAcr())
			.setting(KhyberPassClientSettings.AUDIENCES,
					String.join(" ", client.audiences().stream().map(URI::toString).toList()));
		if (client.backchannelLogoutUri() != null) {
			settings.setting(KhyberPassClientSettings.BACKCHANNEL_LOGOUT_URI, client.backchannelLogoutUri().toString());
		}
		if (client.jwkSetUri() != null) {
			settings.jwkSetUrl(client.jwkSetUri().toString())
				.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256);
		}
		if (client.jwks() != null) {
			settings.setting(KhyberPassClientSettings.JWKS, client.jwks().json());
		}
		if (client.claimsAllowed() != null) {
			settings.setting(KhyberPassClientSettings.CLAIMS_ALLOWED,
					String.join(" ", new TreeSet<>(client.claimsAllowed())));
		}
		if (client.accessTokenLifetime() != null) {
			settings.setting(KhyberPassClientSettings.ACCESS_TOKEN_LIFETIME, client.accessTokenLifetime().toString());
		}
		if (client.idTokenLifetime() != null) {
			settings.setting(KhyberPassClientSettings.ID_TOKEN_LIFETIME, client.idTokenLifetime().toString());
		}
		TokenSettings tokens = TokenSettings.builder()
			.authorizationCodeTimeToLive(this.properties.authorizationCodeLifetime())
			.accessTokenTimeToLive((client.accessTokenLifetime() != null) ? client.accessTokenLifetime()
					: this.properties.accessTokenLifetime())
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.refreshTokenTimeToLive(client.refreshTokenLifetime())
			.reuseRefreshTokens(false)
			.idTokenSignatureAlgorithm(SignatureAlgorithm.from(client.idTokenSigningAlgorithm()))
			.build();
		RegisteredClient.Builder builder = RegisteredClient.withId(id)
			.clientId(client.clientId())
			.clientName(client.clientName())
			.clientSecret(storedSecret)
			.clientAuthenticationMethod(new ClientAuthenticationMethod(client.authMethod().value()))
			.clientSettings(settings.build())
			.tokenSettings(tokens);
		client.grantTypes().forEach((grant) -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
		client.redirectUris().stream().map(URI::toString).forEach(builder::redirectUri);
		client.postLogoutRedirectUris().stream().map(URI::toString).forEach(builder::postLogoutRedirectUri);
		client.scopes().forEach(builder::scope);
		return builder.build();
	}

}
