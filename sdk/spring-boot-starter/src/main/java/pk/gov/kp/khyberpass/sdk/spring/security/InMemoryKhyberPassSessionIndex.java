package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.VerifiedLogoutToken;

/**
 * The sessions of this node, indexed by Khyber Pass {@code sid} and {@code sub}. Each
 * session carries a {@link HttpSessionBindingListener} attribute, so a session that ends
 * (logout, timeout) leaves the index without any listener registration. Thread-safe. Not
 * for several nodes: a logout token reaches one node only.
 */
final class InMemoryKhyberPassSessionIndex implements KhyberPassSessionIndex {

	static final String ATTRIBUTE = InMemoryKhyberPassSessionIndex.class.getName() + ".ENTRY";

	private final Set<Entry> entries = ConcurrentHashMap.newKeySet();

	@Override
	public void register(HttpSession session, KhyberPassUser user) {
		session.setAttribute(ATTRIBUTE, new Entry(this, session, user.subject(), user.sessionId()));
	}

	@Override
	public int endSessions(VerifiedLogoutToken token) {
		int ended = 0;
		for (Entry entry : this.entries) {
			if (entry.matches(token)) {
				this.entries.remove(entry);
				try {
					entry.session.invalidate();
					ended++;
				}
				catch (IllegalStateException ex) {
					// already invalidated
				}
			}
		}
		return ended;
	}

	int size() {
		return this.entries.size();
	}

	/**
	 * One signed-in session. Sessions kept outside the servlet container (Spring Session
	 * without an indexed repository) serialize their attributes: an entry then travels
	 * empty and is inert wherever it is read back, and only this node's index knows the
	 * session.
	 */
	static final class Entry implements HttpSessionBindingListener, Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private final transient @Nullable InMemoryKhyberPassSessionIndex index;

		private final transient @Nullable HttpSession session;

		private final transient @Nullable String subject;

		private final transient @Nullable String sessionId;

		Entry(InMemoryKhyberPassSessionIndex index, HttpSession session, String subject, @Nullable String sessionId) {
			this.index = index;
			this.session = session;
			this.subject = subject;
			this.sessionId = sessionId;
		}

		boolean matches(VerifiedLogoutToken token) {
			if (token.sessionId().isPresent()) {
				return token.sessionId().get().equals(this.sessionId)
						&& token.subject().map(this.subject::equals).orElse(true);
			}
			return token.subject().map(this.subject::equals).orElse(false);
		}

		@Override
		public void valueBound(HttpSessionBindingEvent event) {
			if (this.index != null) {
				this.index.entries.add(this);
			}
		}

		@Override
		public void valueUnbound(HttpSessionBindingEvent event) {
			if (this.index != null) {
				this.index.entries.remove(this);
			}
		}

	}

}
