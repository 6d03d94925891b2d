package pk.gov.kp.khyberpass.account.sessions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One of the citizen's sessions as the sessions page shows it.
 *
 * @param handle a keyed hash of the session id, to name the session in a form without
 * revealing the id
 * @param device the browser and system it signed in with
 * @param address the masked client address at sign-in, or empty
 * @param signedInAt when the citizen signed in
 * @param lastActiveAt the last request in the session
 * @param current whether this is the session the page is shown in
 */
public record ActiveSession(String handle, Device device, String address, Instant signedInAt, Instant lastActiveAt,
		boolean current) {

	static ActiveSession of(StoredSession session, String handle, @Nullable String currentSessionId) {
		Object signedIn = session.attribute().get(SignInDetails.SIGNED_IN_AT);
		Instant signedInAt = (signedIn instanceof Long millis) ? Instant.ofEpochMilli(millis) : session.createdAt();
		return new ActiveSession(handle,
				new Device(text(session.attribute().get(SignInDetails.BROWSER)),
						text(session.attribute().get(SignInDetails.SYSTEM))),
				text(session.attribute().get(SignInDetails.ADDRESS)), signedInAt, session.lastAccessedAt(),
				session.id().equals(currentSessionId));
	}

	private static String text(@Nullable Object value) {
		return (value instanceof String text) ? text : "";
	}

}
