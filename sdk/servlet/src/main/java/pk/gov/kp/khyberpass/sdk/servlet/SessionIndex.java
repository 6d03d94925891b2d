package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in sessions of this node by Khyber Pass session id ({@code sid}) and
 * subject, so a back-channel logout can end them. A session joins when {@link #register}
 * binds its {@link Binding} attribute and leaves when the attribute is unbound (logout,
 * expiry, invalidation), so no {@code HttpSessionListener} needs registering. In memory
 * only: a cluster, or sessions restored after a restart, need a shared store instead.
 * Thread-safe.
 */
final class SessionIndex {

	static final String BINDING_ATTRIBUTE = SessionIndex.class.getName() + ".BINDING";

	private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

	/** Binds the session to the index; replacing an earlier binding removes that one. */
	void register(HttpSession session, KhyberPassPrincipal principal) {
		session.setAttribute(BINDING_ATTRIBUTE,
				new Binding(this, principal.subject(), principal.sessionId().orElse(null)));
	}

	/**
	 * Invalidates the sessions a logout token names: those with the {@code sid} (and the
	 * {@code sub}, when both are given), or else all sessions of the {@code sub}.
	 * @return how many sessions were ended
	 */
	int invalidate(Optional<String> subject, Optional<String> sessionId) {
		List<Entry> matching = new ArrayList<>();
		for (Entry entry : this.entries.values()) {
			boolean sidMatches = sessionId.isEmpty() || sessionId.get().equals(entry.sessionId());
			boolean subMatches = subject.isEmpty() || subject.get().equals(entry.subject());
			if (sidMatches && subMatches) {
				matching.add(entry);
			}
		}
		int ended = 0;
		for (Entry entry : matching) {
			this.entries.remove(entry.key());
			try {
				entry.session().invalidate();
				ended++;
			}
			catch (IllegalStateException ex) {
				// already invalidated by the container or the citizen
			}
		}
		return ended;
	}

	int size() {
		return this.entries.size();
	}

	private void add(String key, HttpSession session, String subject, @Nullable String sessionId) {
		this.entries.put(key, new Entry(key, session, subject, sessionId));
	}

	private void remove(String key) {
		this.entries.remove(key);
	}

	private record Entry(String key, HttpSession session, String subject, @Nullable String sessionId) {

	}

	/**
	 * The session attribute that keeps a session in the index while it is bound. After
	 * deserialisation (another node, a restart) it no longer refers to an index.
	 */
	static final class Binding implements HttpSessionBindingListener, Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private final transient @Nullable SessionIndex index;

		private final String key = UUID.randomUUID().toString();

		private final String subject;

		private final @Nullable String sessionId;

		Binding(SessionIndex index, String subject, @Nullable String sessionId) {
			this.index = index;
			this.subject = subject;
			this.sessionId = sessionId;
		}

		@Override
		public void valueBound(HttpSessionBindingEvent event) {
			if (this.index != null) {
				this.index.add(this.key, event.getSession(), this.subject, this.sessionId);
			}
		}

		@Override
		public void valueUnbound(HttpSessionBindingEvent event) {
			if (this.index != null) {
				this.index.remove(this.key);
			}
		}

	}

}
