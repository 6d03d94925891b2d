package pk.gov.kp.khyberpass.account.sessions;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.keys.KeyedHash;

/**
 * The public face of a citizen's sessions: list them, end one, end all others, end all.
 * Ending a session deletes it, and single logout (token families of that session revoked,
 * departments told) follows from the session-destroyed event on whichever node hears it.
 */
public final class CitizenSessions {

	private static final Logger log = LoggerFactory.getLogger(CitizenSessions.class);

	private final SessionDirectory directory;

	private final KeyedHash handles;

	CitizenSessions(SessionDirectory directory, KeyedHash handles) {
		this.directory = directory;
		this.handles = handles;
	}

	/** The account's live sessions, the most recently active first. */
	public List<ActiveSession> list(AccountId account, @Nullable String currentSessionId) {
		return this.directory.findByPrincipal(account.toString())
			.stream()
			.map((session) -> ActiveSession.of(session, handle(session.id()), currentSessionId))
			.sorted(Comparator.comparing(ActiveSession::lastActiveAt).reversed())
			.toList();
	}

	/**
	 * Ends the account's session named by {@code handle}, unless it is the current one
	 * (signing out of that is the sign-out button's job).
	 * @return whether a session ended
	 */
	public boolean endOne(AccountId account, String handle, @Nullable String currentSessionId) {
		Optional<StoredSession> session = this.directory.findByPrincipal(account.toString())
			.stream()
			.filter((candidate) -> handle(candidate.id()).equals(handle))
			.filter((candidate) -> !candidate.id().equals(currentSessionId))
			.findFirst();
		session.ifPresent((found) -> this.directory.end(found.id()));
		return session.isPresent();
	}

	/**
	 * Ends every session of the account but {@code currentSessionId}; returns how many
	 * ended.
	 */
	public int endOthers(AccountId account, @Nullable String currentSessionId) {
		int ended = 0;
		for (StoredSession session : this.directory.findByPrincipal(account.toString())) {
			if (!session.id().equals(currentSessionId)) {
				this.directory.end(session.id());
				ended++;
			}
		}
		log.info("Ended {} other sessions of account {}", ended, account);
		return ended;
	}

	/** Ends every session of the account; returns how many ended. */
	public int endAll(AccountId account) {
		return endOthers(account, null);
	}

	private String handle(String sessionId) {
		return this.handles.base64Url(sessionId);
	}

}
