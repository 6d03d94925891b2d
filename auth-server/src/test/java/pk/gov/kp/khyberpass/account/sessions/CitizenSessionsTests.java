package pk.gov.kp.khyberpass.account.sessions;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.keys.MasterKey;

import static org.assertj.core.api.Assertions.assertThat;

class CitizenSessionsTests {

	static final AccountId ACCOUNT = new AccountId(UUID.fromString("6f1c1f7e-3d5a-4a8e-9a55-1f2f3c4d5e6f"));

	final FakeDirectory directory = new FakeDirectory();

	final CitizenSessions sessions = new CitizenSessions(this.directory,
			new MasterKey(new byte[32], new SecureRandom()).keyedHash("session-handle"));

	@Test
	void listWhenSessionsThenNewestActivityFirstCurrentMarkedAndNoSessionIdShown() {
		this.directory.add("session-a", Instant.parse("2026-11-26T10:00:00Z"), Map.of(SignInDetails.BROWSER, "Chrome",
				SignInDetails.SYSTEM, "Android", SignInDetails.ADDRESS, "203.0.113.*"));
		this.directory.add("session-b", Instant.parse("2026-11-26T11:00:00Z"), Map.of());

		List<ActiveSession> listed = this.sessions.list(ACCOUNT, "session-a");

		assertThat(listed).extracting(ActiveSession::current).containsExactly(false, true);
		assertThat(listed.get(1).device()).isEqualTo(new Device("Chrome", "Android"));
		assertThat(listed.get(1).address()).isEqualTo("203.0.113.*");
		assertThat(listed).extracting(ActiveSession::handle).noneMatch((handle) -> handle.contains("session"));
	}

	@Test
	void endOneWhenHandleOfCurrentSessionThenNothingEnds() {
		this.directory.add("session-a", Instant.now(), Map.of());
		String handle = this.sessions.list(ACCOUNT, "session-a").get(0).handle();

		assertThat(this.sessions.endOne(ACCOUNT, handle, "session-a")).isFalse();
		assertThat(this.directory.ended).isEmpty();
	}

	@Test
	void endOneWhenHandleOfOtherSessionThenOnlyThatEnds() {
		this.directory.add("session-a", Instant.now(), Map.of());
		this.directory.add("session-b", Instant.now(), Map.of());
		String other = this.sessions.list(ACCOUNT, "session-a")
			.stream()
			.filter((s) -> !s.current())
			.findFirst()
			.orElseThrow()
			.handle();

		assertThat(this.sessions.endOne(ACCOUNT, other, "session-a")).isTrue();
		assertThat(this.directory.ended).containsExactly("session-b");
	}

	@Test
	void endOthersWhenThreeSessionsThenTwoEndAndCurrentStays() {
		this.directory.add("session-a", Instant.now(), Map.of());
		this.directory.add("session-b", Instant.now(), Map.of());
		this.directory.add("session-c", Instant.now(), Map.of());

		assertThat(this.sessions.endOthers(ACCOUNT, "session-b")).isEqualTo(2);
		assertThat(this.directory.ended).containsExactlyInAnyOrder("session-a", "session-c");
	}

	@Test
	void endAllWhenSessionsThenEveryOneEnds() {
		this.directory.add("session-a", Instant.now(), Map.of());
		this.directory.add("session-b", Instant.now(), Map.of());

		assertThat(this.sessions.endAll(ACCOUNT)).isEqualTo(2);
		assertThat(this.directory.ended).containsExactlyInAnyOrder("session-a", "session-b");
	}

	/** The sessions of {@link #ACCOUNT}, in memory. */
	static final class FakeDirectory implements SessionDirectory {

		final List<StoredSession> sessions = new ArrayList<>();

		final List<String> ended = new ArrayList<>();

		void add(String id, Instant lastAccessedAt, Map<String, Object> attributes) {
			this.sessions.add(new StoredSession(id, lastAccessedAt, lastAccessedAt, attributes::get));
		}

		@Override
		public List<StoredSession> findByPrincipal(String principal) {
			return principal.equals(ACCOUNT.toString())
					? this.sessions.stream().filter((session) -> !this.ended.contains(session.id())).toList()
					: List.of();
		}

		@Override
		public void end(String sessionId) {
			this.ended.add(sessionId);
		}

	}

}
