package pk.gov.kp.khyberpass.account.sessions;

import java.util.List;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sessions in Redis, found through Spring Session's principal-name index; deleting one
 * publishes the event that every node's single logout hears.
 */
final class RedisSessionDirectory implements SessionDirectory {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	RedisSessionDirectory(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@Override
	public List<StoredSession> findByPrincipal(String principal) {
		return this.sessions.findByPrincipalName(principal)
			.values()
			.stream()
			.filter((session) -> !session.isExpired())
			.map((session) -> new StoredSession(session.getId(), session.getCreationTime(),
					session.getLastAccessedTime(), session::getAttribute))
			.toList();
	}

	@Override
	public void end(String sessionId) {
		this.sessions.deleteById(sessionId);
	}

}
