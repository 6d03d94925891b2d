package pk.gov.kp.khyberpass.protection;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class SignInThrottleIT {

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Test
	void signInWhenFiveFailuresThenNextAttemptMustWaitEvenWithTheRightPassword() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		for (int i = 0; i < 5; i++) {
			assertThat(browser.location(browser.signIn("0300 7654321", "wrong-password-" + i)).toString())
				.endsWith("/login?error");
		}

		HttpResponse<String> next = browser.signIn("0300-7654321", "any-password");
		HttpResponse<String> page = browser.get(browser.location(next).toString());

		assertThat(browser.location(next).toString()).endsWith("/login?throttled");
		assertThat(page.body()).contains("Too many unsuccessful attempts");
	}

}
