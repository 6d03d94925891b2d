package pk.gov.kp.khyberpass.oidc;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Khyber Pass's own per-client settings, kept in Spring's {@code ClientSettings} map.
 */
final class KhyberPassClientSettings {

	static final String SECTOR = "khyberpass.sector";

	static final String PUBLIC_SUBJECT = "khyberpass.public-subject";

	static final String MIN_ACR = "khyberpass.min-acr";

	static final String BACKCHANNEL_LOGOUT_URI = "khyberpass.backchannel-logout-uri";

	static final String AUDIENCES = "khyberpass.audiences";

	static final String DISABLED = "khyberpass.disabled";

	/**
	 * Space-separated claim names; absent when the client gets every claim its scopes
	 * give.
	 */
	static final String CLAIMS_ALLOWED = "khyberpass.claims-allowed";

	/**
	 * ISO-8601; absent when the server's default applies (the effective value is in the
	 * token settings).
	 */
	static final String ACCESS_TOKEN_LIFETIME = "khyberpass.access-token-lifetime";

	/** ISO-8601; absent when Spring Authorization Server's 30 minutes apply. */
	static final String ID_TOKEN_LIFETIME = "khyberpass.id-token-lifetime";

	/**
	 * The client's public keys as JWK Set JSON, when registered inline instead of a JWKS
	 * URI.
	 */
	static final String JWKS = "khyberpass.jwks";

	private KhyberPassClientSettings() {
	}

	static String sector(RegisteredClient client) {
		Object sector = client.getClientSettings().getSetting(SECTOR);
		return (sector != null) ? sector.toString() : client.getClientId();
	}

	/**
	 * Whether the security team disabled the client: it cannot authenticate or be
	 * authorized.
	 */
	static boolean disabled(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(DISABLED));
	}

	static boolean publicSubject(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(PUBLIC_SUBJECT));
	}

	static String minAcr(RegisteredClient client) {
		Object acr = client.getClientSettings().getSetting(MIN_ACR);
		return (acr != null) ? acr.toString() : AssuranceLevels.LOA1;
	}

	/**
	 * The resource servers (APIs) this client may get access tokens for, by their
	 * identifiers.
	 */
	static java.util.List<String> audiences(RegisteredClient client) {
		Object audiences = client.getClientSettings().getSetting(AUDIENCES);
		return (audiences == null || audiences.toString().isBlank()) ? java.util.List.of()
				: java.util.List.of(audiences.toString().split(" "));
	}

	/**
	 * The claims the client may receive, or empty when it gets every claim its scopes
	 * give.
	 */
	static Optional<Set<String>> claimsAllowed(RegisteredClient client) {
		Object claims = client.getClientSettings().getSetting(CLAIMS_ALLOWED);
		return Optional.ofNullable(claims).map((value) -> Set.of(value.toString().split(" ")));
	}

	/** The lifetime chosen for this client's access tokens, if one was. */
	static Optional<Duration> accessTokenLifetime(RegisteredClient client) {
		return duration(client, ACCESS_TOKEN_LIFETIME);
	}

	/** The lifetime chosen for this client's ID tokens, if one was. */
	static Optional<Duration> idTokenLifetime(RegisteredClient client) {
		return duration(client, ID_TOKEN_LIFETIME);
	}

	/** The client's inline public keys, if it registered them instead of a JWKS URI. */
	static Optional<ClientJwks> jwks(RegisteredClient client) {
		Object jwks = client.getClientSettings().getSetting(JWKS);
		return Optional.ofNullable(jwks).map((value) -> new ClientJwks(value.toString()));
	}

	private static Optional<Duration> duration(RegisteredClient client, String setting) {
		Object value = client.getClientSettings().getSetting(setting);
		return Optional.ofNullable(value).map((text) -> Duration.parse(text.toString()));
	}

	static Optional<String> backchannelLogoutUri(RegisteredClient client) {
		Object uri = client.getClientSettings().getSetting(BACKCHANNEL_LOGOUT_URI);
		return Optional.ofNullable(uri).map(Object::toString);
	}

}
