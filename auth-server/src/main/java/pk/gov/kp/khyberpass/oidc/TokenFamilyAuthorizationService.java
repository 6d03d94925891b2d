package pk.gov.kp.khyberpass.oidc;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

/**
 * Where Spring Authorization Server keeps its authorizations, split by lifetime:
 * <ul>
 * <li>pending ones (an authorization code or a consent in progress) live in the
 * {@link EphemeralStore} (Redis in production) for a few minutes;</li>
 * <li>once a code is exchanged, the token family (access, refresh and ID token) moves to
 * PostgreSQL and is refreshed in place; a refresh token presented after it was rotated
 * revokes the whole family;</li>
 * <li>client-credentials access tokens are self-contained JWTs and are not stored at all,
 * which keeps the token endpoint free of writes (introspection and revocation handle them
 * through the JWT itself).</li>
 * </ul>
 * Tokens are stored only as {@link TokenHash hashes}. Userinfo and introspection find a
 * citizen's access token through its family's row (which holds only the latest one), so
 * deleting the family refuses its access tokens there at once. A family made by token
 * exchange names its root family ({@code parent_family_id}) and is deleted with it.
 */
final class TokenFamilyAuthorizationService implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(TokenFamilyAuthorizationService.class);

	static final Duration PENDING_TTL = Duration.ofMinutes(10);

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	private static final String EXCHANGED_FROM = TokenFamilyAuthorizationService.class.getName() + ".exchangedFrom";

	private final EphemeralStore ephemeral;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RegisteredClientRepository clients;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AuthorizationCodec codec = new AuthorizationCodec();

	TokenFamilyAuthorizationService(EphemeralStore ephemeral, JdbcClient jdbc, TransactionTemplate transactions,
			RegisteredClientRepository clients, Clock clock, ApplicationEventPublisher events) {
		this.ephemeral = ephemeral;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clients = clients;
		this.clock = clock;
		this.events = events;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (isSelfContained(authorization)) {
			return;
		}
		if (authorization.getAccessToken() == null) {
			savePending(authorization);
		}
		else {
			saveFamily(authorization);
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		deletePending(authorization);
		revokeFamily(authorization.getId());
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		Optional<byte[]> pending = this.ephemeral.get(pendingKey(id));
		if (pending.isPresent()) {
			return decode(new String(pending.get(), StandardCharsets.UTF_8), null);
		}
		return findFamily("id", id, null);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		if (tokenType == null) {
			for (OAuth2TokenType type : List.of(OAuth2TokenType.ACCESS_TOKEN, OAuth2TokenType.REFRESH_TOKEN, ID_TOKEN,
					CODE, STATE)) {
				OAuth2Authorization found = findByToken(token, type);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		String hash = TokenHash.of(token);
		return switch (tokenType.getValue()) {
			case OAuth2ParameterNames.CODE ->
				redeemPending(hash, token).orElseGet(() -> findFamily("code_hash", hash, token));
			case OAuth2ParameterNames.STATE -> findPending("state:" + hash, null).orElse(null);
			case OAuth2ParameterNames.ACCESS_TOKEN -> findFamily("access_token_hash", hash, token);
			case OidcParameterNames.ID_TOKEN -> findFamily("id_token_hash", hash, token);
			case OAuth2ParameterNames.REFRESH_TOKEN -> findByRefreshToken(hash, token);
			default -> null;
		};
	}

	/** Removes expired families and spent refresh tokens; returns how many rows went. */
	int purgeExpired() {
		Timestamp now = Timestamp.from(this.clock.instant());
		int families = this.jdbc.sql("DELETE FROM token_family WHERE expires_at < ?").param(now).update();
		int spent = this.jdbc.sql("DELETE FROM spent_refresh_token WHERE expires_at < ?").param(now).update();
		return families + spent;
	}

	/**
	 * Revokes every token family of one principal (sign-out everywhere, account locked).
	 */
	int revokeAllFor(String principalName) {
		return revokeWhere("principal_name = ?", principalName);
	}

	/**
	 * Revokes the token families one principal holds at one client (consent withdrawn).
	 */
	int revokeAllFor(String principalName, String registeredClientId) {
		return revokeWhere("principal_name = ? AND registered_client_id = ?", principalName, registeredClientId);
	}

	/** Revokes every token family of one client (client disabled or deleted). */
	int revokeAllForClient(String registeredClientId) {
		return revokeWhere("registered_client_id = ?", registeredClientId);
	}

	/**
	 * Marks the current request as a token exchange from {@code subject}'s family, so
	 * that the family the exchange creates is revoked with it (read by {@link #save}).
	 */
	static void exchangingFrom(OAuth2Authorization subject) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(EXCHANGED_FROM, subject.getId(), RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** Families that a single sign-on session produced, for back-channel logout. */
	List<OAuth2Authorization> findBySession(String sessionId) {
		return this.jdbc.sql("SELECT registered_client_id, document FROM token_family WHERE session_id = ?")
			.param(sessionId)
			.query((rs, n) -> decodeFor(rs.getString(1), rs.getString(2), null))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static boolean isSelfContained(OAuth2Authorization authorization) {
		return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
				&& authorization.getRefreshToken() == null;
	}

	private void savePending(OAuth2Authorization authorization) {
		byte[] json = this.codec.write(authorization).getBytes(StandardCharsets.UTF_8);
		byte[] id = authorization.getId().getBytes(StandardCharsets.UTF_8);
		this.ephemeral.put(pendingKey(authorization.getId()), json, PENDING_TTL);
		OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
		if (code != null) {
			this.ephemeral.put("code:" + TokenHash.of(code.getToken().getTokenValue()), id, PENDING_TTL);
		}
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			this.ephemeral.put("state:" + TokenHash.of(state), id, PENDING_TTL);
		}
	}

	private void deletePending(OAuth2Authorization authorization) {
		this.ephemeral.delete(pendingKey(authorization.getId()));
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			this.ephemeral.delete("state:" + TokenHash.of(state));
		}
	}

	private void saveFamily(OAuth2Authorization authorization) {
		String codeHash = tokenHash(authorization.getToken(OAuth2AuthorizationCode.class));
		this.transactions.executeWithoutResult((status) -> upsertFamily(authorization, codeHash));
		deletePending(authorization);
	}

	/**
	 * Takes a pending authorization by its code, atomically, so that of several requests
	 * presenting one code only the first can redeem it (RFC 6749 §4.1.2); the others fall
	 * through to the stored family and so to replay detection. Within one request the
	 * code may be looked up twice (client authentication by PKCE, then the grant), so the
	 * taken authorization is kept on the request.
	 */
	private Optional<OAuth2Authorization> redeemPending(String codeHash, String code) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String attribute = TokenFamilyAuthorizationService.class.getName() + ".redeemed." + codeHash;
		if (request != null
				&& request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST) instanceof String json) {
			return Optional.ofNullable(decode(json, code));
		}
		Optional<String> json = this.ephemeral.take("code:" + codeHash)
			.flatMap((id) -> this.ephemeral.get(pendingKey(new String(id, StandardCharsets.UTF_8))))
			.map((bytes) -> new String(bytes, StandardCharsets.UTF_8));
		if (json.isPresent() && request != null) {
			request.setAttribute(attribute, json.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return json.map((value) -> decode(value, code));
	}

	private void upsertFamily(OAuth2Authorization authorization, @Nullable String codeHash) {
		String refreshHash = tokenHash(authorization.getToken(OAuth2RefreshToken.class));
		String document = this.codec.write(authorization);
		Optional<String> previousRefresh = this.jdbc
			.sql("SELECT refresh_token_hash FROM token_family WHERE id = ? FOR UPDATE")
			.param(authorization.getId())
			.query(String.class)
			.optional();
		Timestamp expiresAt = Timestamp.from(familyExpiry(authorization));
		if (previousRefresh.isPresent()) {
			if (!previousRefresh.get().equals(refreshHash)) {
				this.jdbc.sql("INSERT INTO spent_refresh_token (token_hash, family_id, expires_at) VALUES (?, ?, ?)")
					.params(previousRefresh.get(), authorization.getId(), expiresAt)
					.update();
			}
			this.jdbc
				.sql("UPDATE token_family SET access_token_hash = ?, refresh_token_hash = ?, id_token_hash = ?, "
						+ "document = ? WHERE id = ?")
				.params(tokenHash(authorization.getToken(OAuth2AccessToken.class)), refreshHash,
						tokenHash(authorization.getToken(OidcIdToken.class)), document, authorization.getId())
				.update();
			return;
		}
		this.jdbc
			.sql("INSERT INTO token_family (id, registered_client_id, principal_name, session_id, code_hash, "
					+ "access_token_hash, refresh_token_hash, id_token_hash, document, created_at, expires_at, "
					+ "parent_family_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(authorization.getId(), authorization.getRegisteredClientId(), authorization.getPrincipalName(),
					sessionId(authorization), codeHash, tokenHash(authorization.getToken(OAuth2AccessToken.class)),
					refreshHash, tokenHash(authorization.getToken(OidcIdToken.class)), document,
					Timestamp.from(this.clock.instant()), expiresAt, lockedRootFamily(authorization))
			.update();
	}

	/**
	 * For a family made by token exchange, the root family it came from, locked until the
	 * insert commits so that a revocation of the root cannot miss it; {@code null} for
	 * every other grant.
	 */
	private @Nullable String lockedRootFamily(OAuth2Authorization authorization) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (!AuthorizationGrantType.TOKEN_EXCHANGE.equals(authorization.getAuthorizationGrantType()) || request == null
				|| !(request.getAttribute(EXCHANGED_FROM, RequestAttributes.SCOPE_REQUEST) instanceof String subject)) {
			return null;
		}
		return this.jdbc.sql("SELECT COALESCE(parent_family_id, id) FROM token_family WHERE id = ?")
			.param(subject)
			.query(String.class)
			.optional()
			.flatMap((root) -> this.jdbc.sql("SELECT id FROM token_family WHERE id = ? FOR UPDATE")
				.param(root)
				.query(String.class)
				.optional())
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The subject token is invalid, expired or revoked", null)));
	}

	private Instant familyExpiry(OAuth2Authorization authorization) {
		Instant now = this.clock.instant();
		RegisteredClient client = this.clients.findById(authorization.getRegisteredClientId());
		if (authorization.getRefreshToken() != null && client != null) {
			return now.plus(client.getTokenSettings().getRefreshTokenTimeToLive());
		}
		Instant accessExpiry = authorization.getAccessToken().getToken().getExpiresAt();
		return (accessExpiry != null) ? accessExpiry : now.plus(Duration.ofHours(1));
	}

	private static @Nullable String sessionId(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
		return (idToken != null) ? idToken.getToken().getClaimAsString("sid") : null;
	}

	private @Nullable OAuth2Authorization findByRefreshToken(String hash, String token) {
		OAuth2Authorization family = findFamily("refresh_token_hash", hash, token);
		if (family != null) {
			return family;
		}
		Optional<String> spentFamily = this.jdbc.sql("SELECT family_id FROM spent_refresh_token WHERE token_hash = ?")
			.param(hash)
			.query(String.class)
			.optional();
		spentFamily.ifPresent((familyId) -> {
			log.warn("Spent refresh token presented again; revoking token family {}", familyId);
			revokeFamily(familyId);
			this.events.publishEvent(new AuditEvent(AuditEventType.TOKEN_FAMILY_REVOKED, AuditEvent.SYSTEM, familyId,
					null, this.clock.instant(), Map.of("reason", "refresh-token-replayed")));
		});
		return null;
	}

	private void revokeFamily(String familyId) {
		revokeWhere("id = ?", familyId);
	}

	/**
	 * Deletes the families matching {@code condition}, their spent refresh tokens and the
	 * families exchanged from them; returns how many matched. The matching rows are
	 * locked first, so a token exchange from one of them either finishes before (and its
	 * family is deleted here) or finds its root gone.
	 */
	private int revokeWhere(String condition, Object... params) {
		String families = "SELECT id FROM token_family WHERE " + condition;
		Integer revoked = this.transactions.execute((status) -> {
			int matched = this.jdbc.sql(families + " ORDER BY id FOR UPDATE")
				.params(params)
				.query(String.class)
				.list()
				.size();
			if (matched == 0) {
				return 0;
			}
			this.jdbc.sql("DELETE FROM spent_refresh_token WHERE family_id IN (" + families + ")")
				.params(params)
				.update();
			this.jdbc.sql("DELETE FROM token_family WHERE parent_family_id IN (" + families + ")")
				.params(params)
				.update();
			this.jdbc.sql("DELETE FROM token_family WHERE " + condition).params(params).update();
			return matched;
		});
		return (revoked != null) ? revoked : 0;
	}

	private Optional<OAuth2Authorization> findPending(String indexKey, @Nullable String knownValue) {
		return this.ephemeral.get(indexKey)
			.flatMap((id) -> this.ephemeral.get(pendingKey(new String(id, StandardCharsets.UTF_8))))
			.map((json) -> decode(new String(json, StandardCharsets.UTF_8), knownValue));
	}

	private @Nullable OAuth2Authorization findFamily(String column, String value, @Nullable String knownValue) {
		return this.jdbc
			.sql("SELECT registered_client_id, document FROM token_family WHERE " + column + " = ? AND expires_at > ?")
			.params(value, Timestamp.from(this.clock.instant()))
			.query((rs, n) -> decodeFor(rs.getString(1), rs.getString(2), knownValue))
			.optional()
			.orElse(null);
	}

	private @Nullable OAuth2Authorization decode(String json, @Nullable String knownValue) {
		return decodeFor(null, json, knownValue);
	}

	private @Nullable OAuth2Authorization decodeFor(@Nullable String registeredClientId, String json,
			@Nullable String knownValue) {
		String clientId = (registeredClientId != null) ? registeredClientId : this.codec.registeredClientId(json);
		RegisteredClient client = this.clients.findById(clientId);
		if (client == null) {
			return null;
		}
		return this.codec.read(json, client, knownValue);
	}

	private static @Nullable String tokenHash(OAuth2Authorization.@Nullable Token<? extends OAuth2Token> token) {
		return (token != null) ? TokenHash.of(token.getToken().getTokenValue()) : null;
	}

	private static String pendingKey(String id) {
		return "authz:" + id;
	}

}
