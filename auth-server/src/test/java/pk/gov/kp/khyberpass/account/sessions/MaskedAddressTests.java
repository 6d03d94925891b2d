package pk.gov.kp.khyberpass.account.sessions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedAddressTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "203.0.113.57|203.0.113.*", "127.0.0.1|127.0.0.*",
			"2001:db8:85a3:8d3:1319:8a2e:370:7348|2001:db8:85a3:*", "0:0:0:0:0:0:0:1|0:0:0:*", "::1|*", "unknown|*" })
	void ofWhenAddressGivenThenHostPartHidden(String address, String masked) {
		assertThat(MaskedAddress.of(address)).isEqualTo(masked);
	}

}
