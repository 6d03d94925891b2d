package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The security team's controls over department clients: list, read, create, update,
 * disable, enable, delete, and rotate a secret with a grace period. Every change reaches
 * this node's client cache at once and other nodes within the cache's time to live.
 * Callers audit.
 */
@Service
public final class ClientAdministration {

	private static final Logger log = LoggerFactory.getLogger(ClientAdministration.class);

	private final DepartmentClients clients;

	private final CachingRegisteredClientRepository repository;

	private final ClientSecretHasher secretHasher;

	private final TokenFamilyAuthorizationService families;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	ClientAdministration(DepartmentClients clients, CachingRegisteredClientRepository repository,
			ClientSecretHasher secretHasher, TokenFamilyAuthorizationService families, JdbcClient jdbc,
			TransactionOperations transactions, Clock clock) {
		this.clients = clients;
		this.repository = repository;
		this.secretHasher = secretHasher;
		this.families = families;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Every registered client, by client id. */
	public List<RegisteredDepartmentClient> list() {
		return this.jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_id")
			.query(String.class)
			.list()
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.toList();
	}

	/** The client registered as {@code clientId}, enabled or not. */
	public Optional<RegisteredDepartmentClient> find(String clientId) {
		return Optional.ofNullable(this.repository.findAnyByClientId(clientId)).map(this::view);
	}

	/**
	 * Registers a new client (its secret, if it uses one, is generated).
	 * @return the generated secret, to show once
	 * @throws ClientAlreadyRegisteredException if the client id is taken
	 */
	public Optional<String> create(DepartmentClient client) {
		if (this.repository.findAnyByClientId(client.clientId()) != null) {
			throw new ClientAlreadyRegisteredException(client.clientId());
		}
		return this.clients.register(withoutSecret(client));
	}

	/**
	 * Replaces a client's settings; its secret is kept (one is generated when it starts
	 * using a secret).
	 * @return a generated secret, to show once
	 * @throws ClientNotFoundException if there is no such client
	 */
	public Optional<String> update(DepartmentClient client) {
		require(client.clientId());
		return this.clients.register(withoutSecret(client));
	}

	/**
	 * Disables a client and revokes its token families.
	 * @throws ClientNotFoundException if there is no such client
	 */
	public void disable(String clientId) {
		RegisteredClient existing = require(clientId);
		save(existing, true);
		int revoked = this.families.revokeAllForClient(existing.getId());
		log.info("Client {} disabled; {} token families revoked", clientId, revoked);
	}

	/**
	 * Enables a disabled client.
	 * @throws ClientNotFoundException if there is no such client
	 */
	public void enable(String clientId) {
		save(require(clientId), false);
		log.info("Client {} enabled", clientId);
	}

	/**
	 * Deletes a client with its consents and token families.
	 * @throws ClientNotFoundException if there is no such client
	 */
	public void delete(String clientId) {
		RegisteredClient existing = require(clientId);
		this.families.revokeAllForClient(existing.getId());
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?")
				.param(existing.getId())
				.update();
			this.jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(existing.getId()).update();
		});
		this.repository.evict();
		log.info("Client {} deleted", clientId);
	}

	/**
	 * Gives the client a new secret; the current one is still accepted for {@code grace}.
	 * @throws ClientNotFoundException if there is no such client
	 * @throws ClientSecretNotUsedException if the client authenticates without a secret
	 */
	public ClientSecretRotation rotateSecret(String clientId, Duration grace) {
		RegisteredClient existing = require(clientId);
		if (existing.getClientSecret() == null) {
			throw new ClientSecretNotUsedException(clientId);
		}
		String secret = this.clients.newSecret();
		Instant previousValidUntil = this.clock.instant().plus(grace).truncatedTo(ChronoUnit.SECONDS);
		this.repository.save(RegisteredClient.from(existing)
			.clientSecret(this.secretHasher.encodeRotation(secret, existing.getClientSecret(), previousValidUntil))
			.build());
		log.info("Rotated the secret of client {}; the previous one is accepted until {}", clientId,
				previousValidUntil);
		return new ClientSecretRotation(secret, previousValidUntil);
	}

	private RegisteredClient require(String clientId) {
		RegisteredClient existing = this.repository.findAnyByClientId(clientId);
		if (existing == null) {
			throw new ClientNotFoundException(clientId);
		}
		return existing;
	}

	private void save(RegisteredClient existing, boolean disabled) {
		this.repository.save(RegisteredClient.from(existing)
			.clientSettings(ClientSettings.withSettings(existing.getClientSettings().getSettings())
				.setting(KhyberPassClientSettings.DISABLED, disabled)
				.build())
			.build());
	}

	private RegisteredDepartmentClient view(RegisteredClient registered) {
		Instant issuedAt = (registered.getClientIdIssuedAt() != null) ? registered.getClientIdIssuedAt()
				: Instant.EPOCH;
		@Nullable Instant previousValidUntil = (registered.getClientSecret() != null)
				? this.secretHasher.previousValidUntil(registered.getClientSecret()).orElse(null) : null;
		return new RegisteredDepartmentClient(toDepartmentClient(registered),
				!KhyberPassClientSettings.disabled(registered), issuedAt, previousValidUntil);
	}

	static DepartmentClient toDepartmentClient(RegisteredClient registered) {
		ClientSettings settings = registered.getClientSettings();
		Object sector = settings.getSetting(KhyberPassClientSettings.SECTOR);
		Set<String> grants = registered.getAuthorizationGrantTypes()
			.stream()
			.map(AuthorizationGrantType::getValue)
			.collect(Collectors.toCollection(TreeSet::new));
		return new DepartmentClient(registered.getClientId(), registered.getClientName(), null,
				DepartmentClient.AuthMethod
					.of(registered.getClientAuthenticationMethods().iterator().next().getValue()),
				grants, uris(registered.getRedirectUris()), uris(registered.getPostLogoutRedirectUris()),
				new TreeSet<>(registered.getScopes()), (sector != null) ? sector.toString() : null,
				KhyberPassClientSettings.publicSubject(registered), settings.isRequireAuthorizationConsent(),
				KhyberPassClientSettings.minAcr(registered),
				KhyberPassClientSettings.backchannelLogoutUri(registered).map(URI::create).orElse(null),
				(settings.getJwkSetUrl() != null) ? URI.create(settings.getJwkSetUrl()) : null,
				registered.getTokenSettings().getIdTokenSignatureAlgorithm().getName(),
				registered.getTokenSettings().getRefreshTokenTimeToLive(),
				KhyberPassClientSettings.audiences(registered).stream().map(URI::create).toList(),
				KhyberPassClientSettings.claimsAllowed(registered).orElse(null),
				KhyberPassClientSettings.accessTokenLifetime(registered).orElse(null),
				KhyberPassClientSettings.idTokenLifetime(registered).orElse(null),
				KhyberPassClientSettings.jwks(registered).orElse(null));
	}

	private static List<URI> uris(Set<String> values) {
		return new TreeSet<>(values).stream().map(URI::create).toList();
	}

	private static DepartmentClient withoutSecret(DepartmentClient client) {
		return new DepartmentClient(client.clientId(), client.clientName(), null, client.authMethod(),
				new LinkedHashSet<>(client.grantTypes()), client.redirectUris(), client.postLogoutRedirectUris(),
				client.scopes(), client.sector(), client.publicSubject(), client.requireConsent(), client.minAcr(),
				client.backchannelLogoutUri(), client.jwkSetUri(), client.idTokenSigningAlgorithm(),
				client.refreshTokenLifetime(), client.audiences(), client.claimsAllowed(), client.accessTokenLifetime(),
				client.idTokenLifetime(), client.jwks());
	}

}
