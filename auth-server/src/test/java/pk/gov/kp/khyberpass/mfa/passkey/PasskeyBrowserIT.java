package pk.gov.kp.khyberpass.mfa.passkey;

import java.net.URI;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.account.AccountAdministration;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys end to end in headless Chromium with the WebDriver virtual authenticator
 * (CTAP2, internal transport, resident keys, user verification): the pages, the script
 * and the browser's own WebAuthn checks, against the real server, including the page a
 * passkey leads to after a forced password reset.
 */
@KhyberPassIntegrationTest
class PasskeyBrowserIT {

	static final String CITIZEN = "17101-2345678-5";

	static final String PASSWORD = "passkey-integration-long-passphrase";

	/**
	 * A citizen whose password is forced to reset (Incident Juliet in the integration
	 * seed).
	 */
	static final String RESET_CITIZEN = "17301-5550010-0";

	static final String RESET_PASSWORD = "incident-juliet-long-integration-passphrase";

	/**
	 * Nothing listens there: the browser's failed navigation still shows the redirect
	 * with its code.
	 */
	static final String CALLBACK = "http://127.0.0.1:8765/callback";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountService accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeEach
	void withoutPasskeys() {
		// Test classes share one context: start each test from a citizen without
		// passkeys.
		this.jdbc.sql("DELETE FROM passkey_credential WHERE account_id = ?")
			.param(this.accounts.findByCnic(Cnic.parse(CITIZEN)).orElseThrow().id().value())
			.update();
	}

	@Test
	void passkeyAddedInAccountAreaThenSignsInAloneThroughDepartmentAtLoa3() throws Exception {
		OidcTestClient department = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		try (HeadlessBrowser browser = HeadlessBrowser.start()) {
			withPasskeyDevice(browser);
			addPasskey(browser, "Chromium test device");
			browser.driver().manage().deleteAllCookies();
			Attempt attempt = department.attempt(CALLBACK, "openid");

			browser.open(attempt.uri(department).toString());
			browser.waitFor(By.id("passkey-sign-in")).click();
			browser.waitForUrlStartingWith(CALLBACK);
			Map<String, String> callback = CitizenAgent.query(URI.create(browser.currentUrl()));
			JWTClaimsSet idToken = ((OIDCTokenResponse) department.exchange(callback.get("code"), attempt))
				.getOIDCTokens()
				.getIDToken()
				.getJWTClaimsSet();

			assertThat(callback).containsEntry("state", attempt.state().getValue());
			assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:kp:loa:3");
			assertThat(idToken.getStringListClaim("amr")).containsExactly("hwk", "user", "mfa");
		}
	}

	@Test
	void stepUpWhenDepartmentAsksLoa3AndSessionIsPasswordThenPasskeyRaisesIt() throws Exception {
		OidcTestClient department = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		try (HeadlessBrowser browser = HeadlessBrowser.start()) {
			withPasskeyDevice(browser);
			addPasskey(browser, "Step-up device");
			browser.driver().manage().deleteAllCookies();
			Attempt attempt = department.attempt(CALLBACK, "openid");

			browser.open(attempt.uri(department, Map.of("acr_values", "urn:kp:loa:3")).toString());
			signInWithPassword(browser);
			browser.waitFor(By.id("passkey-only"));
			boolean codeOffered = !browser.driver().findElements(By.id("code")).isEmpty();
			browser.waitFor(By.id("passkey-step-up")).click();
			browser.waitForUrlStartingWith(CALLBACK);
			Map<String, String> callback = CitizenAgent.query(URI.create(browser.currentUrl()));
			JWTClaimsSet idToken = ((OIDCTokenResponse) department.exchange(callback.get("code"), attempt))
				.getOIDCTokens()
				.getIDToken()
				.getJWTClaimsSet();

			assertThat(codeOffered).isFalse();
			assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:kp:loa:3");
			assertThat(idToken.getStringListClaim("amr")).contains("pwd", "hwk", "mfa");
		}
	}

	@Test
	void removedPasskeyNoLongerSignsIn() {
		try (HeadlessBrowser browser = HeadlessBrowser.start()) {
			withPasskeyDevice(browser);
			addPasskey(browser, "Lost phone");
			String account = this.accounts.findByCnic(Cnic.parse(CITIZEN)).orElseThrow().id().toString();
			browser.driver()
				.findElement(By.xpath("//tr[td[normalize-space()='Lost phone']]//a[contains(@class,'remove-link')]"))
				.click();
			browser.waitFor(By.id("confirm-remove")).click();
			browser.waitFor(By.id("passkey-removed"));
			browser.driver().manage().deleteAllCookies();

			browser.open(this.issuer + "/login");
			browser.waitFor(By.id("passkey-sign-in")).click();
			String error = browser.waitFor(By.id("passkey-error")).getText();

			assertThat(error).contains("could not sign you in");
			assertThat(browser.currentUrl()).startsWith(this.issuer + "/login");
			assertThat(this.auditLog.search(null, null, AuditEventType.PASSKEY_ASSERTION_FAILED, null, null, null, 50))
				.anySatisfy(
						(entry) -> assertThat(entry.event().details()).containsEntry("reason", "unknown-credential"));
			assertThat(this.auditLog.search(null, null, AuditEventType.PASSKEY_REMOVED, null, account, null, 10))
				.isNotEmpty();
		}
	}

	@Test
	void passkeyWhenPasswordResetForcedThenSignInPageSaysToRecoverTheAccount() {
		AccountId juliet = this.accounts.findByCnic(Cnic.parse(RESET_CITIZEN)).orElseThrow().id();
		try (HeadlessBrowser browser = HeadlessBrowser.start()) {
			withPasskeyDevice(browser);
			addPasskey(browser, RESET_CITIZEN, RESET_PASSWORD, "Phone before the incident");
			browser.driver().manage().deleteAllCookies();
			this.administration.requirePasswordReset(juliet);

			browser.open(this.issuer + "/login");
			browser.waitFor(By.id("passkey-sign-in")).click();
			String notice = browser.waitFor(By.id("reset-required")).getText();

			assertThat(browser.currentUrl()).isEqualTo(this.issuer + "/login?reset-required");
			assertThat(notice).contains("You must set a new password").contains("passkey");
			assertThat(browser.driver().findElement(By.id("reset-required-recover")).getAttribute("href"))
				.isEqualTo(this.issuer + "/recover");
		}
	}

	/**
	 * A platform authenticator that keeps passkeys and verifies the user (as a phone with
	 * a screen lock).
	 */
	private static VirtualAuthenticator withPasskeyDevice(HeadlessBrowser browser) {
		return ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	private void addPasskey(HeadlessBrowser browser, String name) {
		addPasskey(browser, CITIZEN, PASSWORD, name);
	}

	private void addPasskey(HeadlessBrowser browser, String cnic, String password, String name) {
		browser.open(this.issuer + "/account/security/passkeys");
		signInWithPassword(browser, cnic, password);
		browser.type(By.id("passkey-name"), name);
		browser.waitFor(By.id("passkey-register")).click();
		browser.waitFor(By.id("passkey-added"));
		assertThat(browser.driver().findElement(By.id("passkey-list")).getText()).contains(name);
	}

	private static void signInWithPassword(HeadlessBrowser browser) {
		signInWithPassword(browser, CITIZEN, PASSWORD);
	}

	private static void signInWithPassword(HeadlessBrowser browser, String cnic, String password) {
		browser.type(By.id("username"), cnic);
		browser.type(By.id("password"), password);
		browser.driver().findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
	}

}
