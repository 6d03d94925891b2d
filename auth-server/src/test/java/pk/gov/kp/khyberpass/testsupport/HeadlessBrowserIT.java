package pk.gov.kp.khyberpass.testsupport;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class HeadlessBrowserIT {

	@Value("${khyberpass.oidc.issuer}")
	private String issuer;

	@Test
	void loginPageRendersInChromium() {
		try (HeadlessBrowser browser = HeadlessBrowser.start()) {
			browser.open(this.issuer + "/login");
			assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
		}
	}

}
