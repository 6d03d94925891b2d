package pk.gov.kp.khyberpass.account.sessions;

import java.util.List;

/**
 * Where the sessions of one principal are found and ended: Spring Session's Redis index
 * in production, the servlet container's sessions in the development default.
 */
interface SessionDirectory {

	/** The live sessions whose security context names {@code principal}. */
	List<StoredSession> findByPrincipal(String principal);

	/** Ends a session; single logout follows from the session-destroyed event. */
	void end(String sessionId);

}
