package pk.gov.kp.khyberpass.sdk.spring.security;

import jakarta.servlet.http.HttpSession;

import pk.gov.kp.khyberpass.sdk.VerifiedLogoutToken;

/**
 * Finds the HTTP sessions signed in with a Khyber Pass session, so a back-channel logout
 * token can end them. Two implementations: an in-memory index for a single node (the
 * default), and one over Spring Session's {@code FindByIndexNameSessionRepository} for
 * several nodes (chosen when the application has such a repository). Implementations are
 * thread-safe.
 */
public interface KhyberPassSessionIndex {

	/**
	 * Records that this session is now signed in as the user. Called after the session id
	 * was changed.
	 * @param session the HTTP session, not {@code null}
	 * @param user the signed-in user, not {@code null}
	 */
	void register(HttpSession session, KhyberPassUser user);

	/**
	 * Ends the sessions a logout token names: those with its {@code sid} (and its
	 * {@code sub}, when both are present), or all sessions of its {@code sub}.
	 * @param token the verified logout token, not {@code null}
	 * @return how many sessions were ended
	 */
	int endSessions(VerifiedLogoutToken token);

}
