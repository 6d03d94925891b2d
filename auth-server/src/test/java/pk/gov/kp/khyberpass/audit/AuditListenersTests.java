package pk.gov.kp.khyberpass.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditListenersTests {

	@Test
	void prefixWhenIpv4ThenSlash24() {
		assertThat(AuditListeners.prefix("203.0.113.77")).isEqualTo("203.0.113.0/24");
	}

	@Test
	void prefixWhenIpv6ThenSlash48() {
		assertThat(AuditListeners.prefix("2001:db8:abcd:12:1:2:3:4")).isEqualTo("2001:db8:abcd:0:0:0:0:0/48");
	}

	@Test
	void prefixWhenNotAnAddressThenUnknownWithoutLookup() {
		assertThat(AuditListeners.prefix("example.org")).isEqualTo("unknown");
	}

}
