package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Back-channel logouts shared by every node of a department service. Khyber Pass POSTs a
 * logout token to one node, chosen by the load balancer; the citizen's session may live
 * on another. With a shared store, the node that receives the token records the logout
 * here, and every node checks each signed-in request against it and ends a session it
 * names.
 * <p>
 * The default, {@link #inMemory(Duration, Clock)}, lives in one JVM's memory and is right
 * for <b>one node only</b> (or several filters in one process). For several nodes,
 * implement it over the service's shared database or cache (two operations, keyed by
 * {@code sid} and by {@code sub}) and give it to {@code KhyberPassFilter} (servlet SDK);
 * the Spring Boot starter configures one over Redis when the application has Spring Data
 * Redis. Implementations must be thread-safe.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#BCActions">OIDC
 * Back-Channel Logout §2.7</a>
 */
public interface EndedSessions {

	/**
	 * Records a verified logout: the session with this {@code sid}, or when the token
	 * names only a subject, every session of that subject that began before the token was
	 * issued. Keep each record at least as long as a signed-in session can last.
	 * @param subject the {@code sub} of the logout token, if present; not {@code null}
	 * @param sessionId the {@code sid} of the logout token, if present; not {@code null}
	 * @param issuedAt when Khyber Pass issued the logout token, not {@code null}
	 * @throws RuntimeException if a shared store cannot be reached
	 */
	void end(Optional<String> subject, Optional<String> sessionId, Instant issuedAt);

	/**
	 * Returns whether a recorded logout ended this session.
	 * @param subject the session's {@code sub}, not {@code null}
	 * @param sessionId the session's {@code sid}, if its ID token had one; not
	 * {@code null}
	 * @param signedInAt when the session's ID token was issued, not {@code null}
	 * @return {@code true} if the session must end
	 * @throws RuntimeException if a shared store cannot be reached
	 */
	boolean isEnded(String subject, Optional<String> sessionId, Instant signedInAt);

	/**
	 * Returns a store in this process's memory, forgetting records after
	 * {@code retention}: for one node with several filters, and for tests. It shares
	 * nothing between processes.
	 * @param retention how long to keep a record, at least the longest session; positive
	 * @param clock the clock, not {@code null}
	 * @return a new store, never {@code null}
	 * @throws IllegalArgumentException if {@code retention} is not positive
	 */
	static EndedSessions inMemory(Duration retention, Clock clock) {
		return new InMemoryEndedSessions(Objects.requireNonNull(retention, "retention"),
				Objects.requireNonNull(clock, "clock"));
	}

}
