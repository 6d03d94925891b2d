package pk.gov.kp.khyberpass.account.sessions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A session as a {@link SessionDirectory} finds it.
 *
 * @param id the session id (a bearer secret: never put it on a page)
 * @param createdAt when the session began
 * @param lastAccessedAt the last request in it
 * @param attribute reads one of its attributes
 */
record StoredSession(String id, Instant createdAt, Instant lastAccessedAt, AttributeReader attribute) {

	/** Reads a session attribute. */
	@FunctionalInterface
	interface AttributeReader {

		@Nullable Object get(String name);

	}

}
