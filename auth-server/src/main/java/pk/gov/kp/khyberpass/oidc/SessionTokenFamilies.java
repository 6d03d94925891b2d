package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The token families a single sign-on session produced: when the session ends, they are
 * revoked and the departments that took part are named, so that single logout can tell
 * them.
 */
@Component
public final class SessionTokenFamilies {

	private final TokenFamilyAuthorizationService families;

	private final RegisteredClientRepository clients;

	private final PairwiseSubjects subjects;

	SessionTokenFamilies(TokenFamilyAuthorizationService families, RegisteredClientRepository clients,
			PairwiseSubjects subjects) {
		this.families = families;
		this.clients = clients;
		this.subjects = subjects;
	}

	/**
	 * Revokes the token families of the HTTP session {@code httpSessionId} and returns
	 * each department that took part, once.
	 */
	public List<SessionParticipant> endSession(String httpSessionId) {
		String sid = sessionIdHash(httpSessionId);
		Map<String, SessionParticipant> participants = new LinkedHashMap<>();
		for (OAuth2Authorization family : this.families.findBySession(sid)) {
			RegisteredClient client = this.clients.findById(family.getRegisteredClientId());
			this.families.remove(family);
			if (client != null) {
				participants.putIfAbsent(client.getClientId(),
						participant(client, family.getPrincipalName(), Optional.of(sid)));
			}
		}
		return new ArrayList<>(participants.values());
	}

	/**
	 * The department as single logout knows it, for a logout that names the citizen and
	 * no session.
	 */
	SessionParticipant participant(RegisteredClient client, String accountId) {
		return participant(client, accountId, Optional.empty());
	}

	private SessionParticipant participant(RegisteredClient client, String accountId, Optional<String> sid) {
		return new SessionParticipant(client.getClientId(), this.subjects.subjectFor(client, accountId), sid,
				KhyberPassClientSettings.backchannelLogoutUri(client).map(URI::create),
				client.getTokenSettings().getIdTokenSignatureAlgorithm().getName());
	}

	/**
	 * The {@code sid} Spring Authorization Server puts in ID tokens: SHA-256 of the HTTP
	 * session id.
	 */
	static String sessionIdHash(String httpSessionId) {
		// Session ids are ASCII, so their UTF-8 bytes are the US-ASCII bytes Spring
		// hashes.
		return TokenHash.sha256(httpSessionId);
	}

}
