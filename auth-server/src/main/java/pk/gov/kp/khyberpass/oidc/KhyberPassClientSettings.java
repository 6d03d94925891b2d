package pk.gov.kp.khyberpass.oidc;

import java.util.Optional;

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

	private KhyberPassClientSettings() {
	}

	static String sector(RegisteredClient client) {
		Object sector = client.getClientSettings().getSetting(SECTOR);
		return (sector != null) ? sector.toString() : client.getClientId();
	}

	/** Whether the security team disabled the client: it cannot authenticate or be authorized. */
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

	/** The resource servers (APIs) this client may get access tokens for, by their identifiers. */
	static java.util.List<String> audiences(RegisteredClient client) {
		Object audiences = client.getClientSettings().getSetting(AUDIENCES);
		return (audiences == null || audiences.toString().isBlank()) ? java.util.List.of()
				: java.util.List.of(audiences.toString().split(" "));
	}

	static Optional<String> backchannelLogoutUri(RegisteredClient client) {
		Object uri = client.getClientSettings().getSetting(BACKCHANNEL_LOGOUT_URI);
		return Optional.ofNullable(uri).map(Object::toString);
	}

}
