package pk.gov.kp.khyberpass.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditChainTests {

	private static final Instant AT = Instant.parse("2026-11-26T21:53:23.123456789Z");

	private static AuditEvent event(String actor, String subject, String clientId, Map<String, String> details) {
		return new AuditEvent(AuditEventType.SIGN_IN_SUCCEEDED, actor, subject, clientId, AT, details);
	}

	@Test
	void hashWhenSameEntryThenSameHashWhateverTheDetailsOrder() {
		Map<String, String> ab = new LinkedHashMap<>();
		ab.put("a", "1");
		ab.put("b", "2");
		Map<String, String> ba = new LinkedHashMap<>();
		ba.put("b", "2");
		ba.put("a", "1");

		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, event("x", "y", null, ab)))
			.isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, event("x", "y", null, ba)))
			.hasSize(64);
	}

	@Test
	void hashWhenKnownEntryThenPinnedValue() {
		// pins the canonical form: changing it invalidates every stored chain
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, event("actor", "subject", "client", Map.of("k", "v"))))
			.isEqualTo(PINNED);
	}

	@Test
	void hashWhenAnyFieldChangesThenHashChanges() {
		AuditEvent base = event("actor", "subject", "client", Map.of("k", "v"));
		String hash = AuditChain.hash(AuditChain.GENESIS, 1, base);

		assertThat(AuditChain.hash(AuditChain.GENESIS, 2, base)).isNotEqualTo(hash);
		assertThat(AuditChain.hash("1" + AuditChain.GENESIS.substring(1), 1, base)).isNotEqualTo(hash);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, event("actor2", "subject", "client", Map.of("k", "v"))))
			.isNotEqualTo(hash);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, event("actor", "subject", null, Map.of("k", "v"))))
			.isNotEqualTo(hash);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, event("actor", "subject", "client", Map.of("k", "w"))))
			.isNotEqualTo(hash);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1,
				new AuditEvent(AuditEventType.SIGN_IN_FAILED, "actor", "subject", "client", AT, Map.of("k", "v"))))
			.isNotEqualTo(hash);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, new AuditEvent(AuditEventType.SIGN_IN_SUCCEEDED, "actor",
				"subject", "client", AT.plusNanos(1000), Map.of("k", "v"))))
			.isNotEqualTo(hash);
	}

	@Test
	void canonicalWhenFieldBoundariesShiftThenDifferent() {
		assertThat(AuditChain.canonical(1, event("ab", "c", null, Map.of())))
			.isNotEqualTo(AuditChain.canonical(1, event("a", "bc", null, Map.of())));
		assertThat(AuditChain.canonical(1, event("a", "b", null, Map.of("k", "v=w"))))
			.isNotEqualTo(AuditChain.canonical(1, event("a", "b", null, Map.of("k=v", "w"))));
	}

	@Test
	void eventWhenNanosecondsThenTruncatedToMicroseconds() {
		assertThat(event("a", "b", null, Map.of()).occurredAt())
			.isEqualTo(Instant.parse("2026-11-26T21:53:23.123456Z"));
		assertThat(AuditTimes.format(Instant.parse("2026-11-26T21:53:23Z"))).isEqualTo("2026-11-26T21:53:23.000000Z");
	}

	@Test
	void eventWhenActorEmptyOrTooManyDetailsThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> event("", "b", null, Map.of()));
		Map<String, String> many = new LinkedHashMap<>();
		for (int i = 0; i < 17; i++) {
			many.put("k" + i, "v");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> event("a", "b", null, many));
	}

	private static final String PINNED = "c63f89a5dd2b9130ce8aa592b048322304f9634d9068e84f4a9d62971bd7bfab";

}
