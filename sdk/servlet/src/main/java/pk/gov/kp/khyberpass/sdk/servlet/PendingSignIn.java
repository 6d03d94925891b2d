package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.PendingAuthorization;

/**
 * A sign-in started in this session and not yet completed: the SDK's pending
 * authorization and the local path to return to. A session keeps the few latest by
 * {@code state}, so sign-ins started in several tabs can all complete; each is taken
 * once. Immutable and serializable.
 *
 * @param authorization the values sent to Khyber Pass
 * @param returnTo the same-origin path to redirect to after sign-in
 */
record PendingSignIn(PendingAuthorization authorization, String returnTo) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String SESSION_ATTRIBUTE = PendingSignIn.class.getName();

	private static final int MAX_PENDING = 3;

	/** Adds a pending sign-in, dropping the oldest beyond a few. */
	static void save(HttpSession session, PendingSignIn pending) {
		LinkedHashMap<String, PendingSignIn> all = new LinkedHashMap<>(read(session));
		all.put(pending.authorization().state(), pending);
		while (all.size() > MAX_PENDING) {
			all.remove(all.keySet().iterator().next());
		}
		// a new map each time, so replicated sessions see the change
		session.setAttribute(SESSION_ATTRIBUTE, all);
	}

	/** Removes and returns the pending sign-in with this state, if any. */
	static @Nullable PendingSignIn take(HttpSession session, String state) {
		LinkedHashMap<String, PendingSignIn> all = new LinkedHashMap<>(read(session));
		PendingSignIn pending = all.remove(state);
		if (pending != null) {
			if (all.isEmpty()) {
				session.removeAttribute(SESSION_ATTRIBUTE);
			}
			else {
				session.setAttribute(SESSION_ATTRIBUTE, all);
			}
		}
		return pending;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, PendingSignIn> read(HttpSession session) {
		Object value = session.getAttribute(SESSION_ATTRIBUTE);
		return (value instanceof Map<?, ?> map) ? (Map<String, PendingSignIn>) map : Map.of();
	}

}
