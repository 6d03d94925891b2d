package pk.gov.kp.khyberpass.sdk.spring.security;

import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import pk.gov.kp.khyberpass.sdk.VerifiedLogoutToken;

/**
 * The sessions of every node, over Spring Session's indexed repository (for example Redis
 * indexed sessions): a session is indexed by the citizen's {@code sub} as its principal
 * name and carries the Khyber Pass {@code sid} as an attribute. Khyber Pass logout tokens
 * always carry both. Thread-safe.
 */
final class SpringSessionKhyberPassSessionIndex implements KhyberPassSessionIndex {

	static final String SID_ATTRIBUTE = "pk.gov.kp.khyberpass.sid";

	private static final Logger log = LoggerFactory.getLogger(SpringSessionKhyberPassSessionIndex.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SpringSessionKhyberPassSessionIndex(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@Override
	public void register(HttpSession session, KhyberPassUser user) {
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.subject());
		if (user.sessionId() != null) {
			session.setAttribute(SID_ATTRIBUTE, user.sessionId());
		}
	}

	@Override
	public int endSessions(VerifiedLogoutToken token) {
		if (token.subject().isEmpty()) {
			log.warn("Back-channel logout token without sub: Spring Session indexes sessions by subject only, "
					+ "so none was ended");
			return 0;
		}
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(token.subject().get());
		int ended = 0;
		for (Session session : found.values()) {
			boolean sameSid = token.sessionId()
				.map((sid) -> sid.equals(session.getAttribute(SID_ATTRIBUTE)))
				.orElse(true);
			if (sameSid) {
				this.sessions.deleteById(session.getId());
				ended++;
			}
		}
		return ended;
	}

}
