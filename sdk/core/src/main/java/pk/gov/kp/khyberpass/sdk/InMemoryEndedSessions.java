package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link EndedSessions} in one process's memory, records dropped after the retention
 * time. Thread-safe.
 */
final class InMemoryEndedSessions implements EndedSessions {

	private final ConcurrentMap<String, Instant> bySessionId = new ConcurrentHashMap<>();

	// subject -> issue time of the newest logout token naming only the subject
	private final ConcurrentMap<String, Instant> bySubject = new ConcurrentHashMap<>();

	private final Duration retention;

	private final Clock clock;

	InMemoryEndedSessions(Duration retention, Clock clock) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("retention must be positive");
		}
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public void end(Optional<String> subject, Optional<String> sessionId, Instant issuedAt) {
		Instant now = this.clock.instant();
		Instant oldest = now.minus(this.retention);
		this.bySessionId.values().removeIf((at) -> at.isBefore(oldest));
		this.bySubject.values().removeIf((at) -> at.isBefore(oldest));
		if (sessionId.isPresent()) {
			this.bySessionId.put(sessionId.get(), now);
		}
		else {
			subject.ifPresent((sub) -> this.bySubject.merge(sub, issuedAt, (a, b) -> a.isAfter(b) ? a : b));
		}
	}

	@Override
	public boolean isEnded(String subject, Optional<String> sessionId, Instant signedInAt) {
		if (sessionId.isPresent() && this.bySessionId.containsKey(sessionId.get())) {
			return true;
		}
		Instant loggedOut = this.bySubject.get(subject);
		return loggedOut != null && !signedInAt.isAfter(loggedOut);
	}

}
