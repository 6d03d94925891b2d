package pk.gov.kp.khyberpass.account.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;

/**
 * The servlet container's sessions (development default, one node): every session is
 * tracked from the events of Spring Security's {@code HttpSessionEventPublisher}, and a
 * principal's are picked out by their security context.
 */
final class ContainerSessionDirectory implements SessionDirectory {

	private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

	@EventListener
	void on(HttpSessionCreatedEvent event) {
		this.sessions.put(event.getSession().getId(), event.getSession());
	}

	@EventListener
	void on(HttpSessionIdChangedEvent event) {
		HttpSession session = this.sessions.remove(event.getOldSessionId());
		if (session != null) {
			this.sessions.put(event.getNewSessionId(), session);
		}
	}

	@EventListener
	void on(HttpSessionDestroyedEvent event) {
		this.sessions.remove(event.getId());
	}

	@Override
	public List<StoredSession> findByPrincipal(String principal) {
		List<StoredSession> found = new ArrayList<>();
		this.sessions.forEach((id, session) -> {
			try {
				if (session.getAttribute(
						HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
						&& context.getAuthentication() != null
						&& principal.equals(context.getAuthentication().getName())) {
					found.add(new StoredSession(id, Instant.ofEpochMilli(session.getCreationTime()),
							Instant.ofEpochMilli(session.getLastAccessedTime()), session::getAttribute));
				}
			}
			catch (IllegalStateException invalidated) {
				this.sessions.remove(id);
			}
		});
		return found;
	}

	@Override
	public void end(String sessionId) {
		HttpSession session = this.sessions.remove(sessionId);
		if (session != null) {
			try {
				session.invalidate();
			}
			catch (IllegalStateException alreadyInvalidated) {
				// ended meanwhile: nothing left to do
			}
		}
	}

}
