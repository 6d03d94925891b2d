package pk.gov.kp.khyberpass.account.sessions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", value = {
			"Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36|Chrome|Android",
			"Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36|Samsung Internet|Android",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1|Safari|iOS",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.0.0|Edge|Windows",
			"Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0|Firefox|Linux",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0|Opera|macOS",
			"Java-http-client/17.0.9||", "NULL||" })
	void ofWhenUserAgentGivenThenBrowserAndSystemNamed(String userAgent, String browser, String system) {
		Device device = Device.of(userAgent);

		assertThat(device.browser()).isEqualTo((browser != null) ? browser : "");
		assertThat(device.system()).isEqualTo((system != null) ? system : "");
	}

}
