package pk.gov.kp.khyberpass.account.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.notify.SmsMessage;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen who forgot their password recovers it in headless Chromium, from the sign-in
 * page's link to signing in with the new password.
 */
@KhyberPassIntegrationTest
class RecoveryBrowserIT {

	private static final Pattern CODE = Pattern.compile("([0-9]{6})");

	private static final String NEW_PASSWORD = "lanterns over the bala hisar at dusk";

	@Value("${khyberpass.oidc.issuer}")
	String issuer;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Test
	void recoverInBrowserWhenCodeRightThenSignInWithNewPassword() {
		try (HeadlessBrowser browser = HeadlessBrowser.start()) {
			browser.open(this.issuer + "/login");
			browser.waitFor(By.id("recover-link")).click();
			browser.type(By.id("cnic"), "17301-9100002-2");
			WebElement birthDate = browser.waitFor(By.id("birthDate"));
			// A date input takes keys in the browser's locale order; setting the value is
			// locale-free.
			browser.driver().executeScript("arguments[0].value = '1991-07-19';", birthDate);
			birthDate.submit();
			browser.waitForUrlStartingWith(this.issuer + "/recover/verify");
			assertThat(browser.waitFor(By.id("recover-sent")).getText())
				.contains("If the CNIC and date of birth match");
			browser.type(By.id("code"), code());
			browser.waitFor(By.id("code")).submit();
			browser.waitForUrlStartingWith(this.issuer + "/recover/password");
			browser.type(By.id("password"), NEW_PASSWORD);
			browser.type(By.id("confirmPassword"), NEW_PASSWORD);
			browser.waitFor(By.id("confirmPassword")).submit();
			assertThat(browser.waitFor(By.id("recovered")).getText()).contains("Your password has been reset");

			browser.type(By.id("username"), "0345 9100002");
			browser.type(By.id("password"), NEW_PASSWORD);
			browser.waitFor(By.id("password")).submit();
			browser.open(this.issuer + "/account");

			assertThat(browser.waitFor(By.id("link-sessions")).isDisplayed()).isTrue();
			assertThat(browser.currentUrl()).isEqualTo(this.issuer + "/account");
		}
	}

	private String code() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			Optional<SmsMessage> sms = this.outbox.latestTo("+923459100002");
			if (sms.isPresent()) {
				Matcher matcher = CODE.matcher(sms.get().text());
				assertThat(matcher.find()).isTrue();
				return matcher.group(1);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("No recovery code was sent");
	}

}
