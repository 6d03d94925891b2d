package pk.gov.kp.khyberpass.account;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentEmailOutbox;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.notify.EmailMessage;
import pk.gov.kp.khyberpass.notify.SmsMessage;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.Outboxes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account area through the real HTTP port, on PostgreSQL and Redis: profile, mobile
 * change, password change, sessions, activity.
 */
@KhyberPassIntegrationTest
class SelfServiceIT {

	private static final Pattern CODE = Pattern.compile("([0-9]{6})");

	private static final Pattern SESSION_HANDLE = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Autowired
	DevelopmentEmailOutbox emailOutbox;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountService accounts;

	@Test
	void homeWhenSignedInThenLinksEverySelfServicePage() {
		CitizenAgent browser = signedIn("17301-9100007-7", "selfservice-activity-passphrase-seven");

		HttpResponse<String> home = browser.get("/account");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("href=\"/account/profile\"", "href=\"/account/password\"",
				"href=\"/account/security\"", "href=\"/account/sessions\"", "href=\"/account/departments\"",
				"href=\"/account/activity\"", "Junaid Yousafzai");
	}

	@Test
	void signInWhenNoDepartmentWaitingThenAccountHome() {
		CitizenAgent browser = new CitizenAgent(this.issuer);

		HttpResponse<String> signedIn = browser.signIn("17301-9100007-7", "selfservice-activity-passphrase-seven");

		assertThat(browser.location(signedIn).getPath()).isEqualTo("/account");
	}

	@Test
	void homeWhenNotSignedInThenSentToSignIn() {
		HttpResponse<String> home = new CitizenAgent(this.issuer).get("/account/profile");

		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void changeMobileWhenCodeFromNewNumberRightThenNumberChangedAndOldNumberTold() {
		CitizenAgent browser = signedIn("17301-9100004-4", "selfservice-mobile-passphrase-four");
		HttpResponse<String> profile = browser.get("/account/profile");
		HttpResponse<String> asked = browser.postForm("/account/profile/mobile", Map.of("mobile", "0345 9100099",
				"currentPassword", "selfservice-mobile-passphrase-four", "_csrf", CitizenAgent.csrf(profile.body())));
		assertThat(browser.location(asked).getPath()).isEqualTo("/account/profile/mobile/verify");
		HttpResponse<String> verifyPage = browser.get("/account/profile/mobile/verify");
		assertThat(this.accounts.findByCnic(cnic("17301-9100004-4")).orElseThrow().mobile().e164())
			.isEqualTo("+923459100004");

		HttpResponse<String> verified = browser.postForm("/account/profile/mobile/verify", Map.of("code",
				code(awaitSms("+923459100099", "code").orElseThrow()), "_csrf", CitizenAgent.csrf(verifyPage.body())));

		assertThat(browser.location(verified).toString()).endsWith("/account/profile?changed=mobile");
		assertThat(this.accounts.findByCnic(cnic("17301-9100004-4")).orElseThrow().mobile().e164())
			.isEqualTo("+923459100099");
		assertThat(awaitSms("+923459100004", "changed to")).hasValueSatisfying(
				(message) -> assertThat(message.text()).contains("+92345*****99").doesNotContain("+923459100099"));
		assertThat(types("17301-9100004-4")).contains(AuditEventType.MOBILE_CHANGED);
	}

	@Test
	void changeMobileWhenCurrentPasswordWrongThenNoCodeSentAndErrorLinkedToField() {
		CitizenAgent browser = signedIn("17301-9100009-9", "selfservice-compare-passphrase-nine");
		HttpResponse<String> profile = browser.get("/account/profile");

		HttpResponse<String> page = browser.postForm("/account/profile/mobile", Map.of("mobile", "0345 9100097",
				"currentPassword", "not my password", "_csrf", CitizenAgent.csrf(profile.body())));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<a href=\"#currentPassword\">Your current password is not right.</a>");
		assertThat(this.outbox.latestTo("+923459100097")).isEmpty();
	}

	@Test
	void changeMobileWhenCodeWrongThenErrorAndNumberUnchanged() {
		CitizenAgent browser = signedIn("17301-9100009-9", "selfservice-compare-passphrase-nine");
		HttpResponse<String> profile = browser.get("/account/profile");
		browser.postForm("/account/profile/mobile", Map.of("mobile", "0345 9100098", "currentPassword",
				"selfservice-compare-passphrase-nine", "_csrf", CitizenAgent.csrf(profile.body())));
		String code = code(awaitSms("+923459100098", "code").orElseThrow());
		HttpResponse<String> verifyPage = browser.get("/account/profile/mobile/verify");

		HttpResponse<String> page = browser.postForm("/account/profile/mobile/verify", Map.of("code",
				code.equals("000000") ? "000001" : "000000", "_csrf", CitizenAgent.csrf(verifyPage.body())));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<a href=\"#code\">That code is not right.");
		assertThat(this.accounts.findByCnic(cnic("17301-9100009-9")).orElseThrow().mobile().e164())
			.isEqualTo("+923459100009");
	}

	@Test
	void changePasswordWhenCurrentRightThenNewWorksOldRefusedAndOtherSessionEnded() {
		CitizenAgent browser = signedIn("17301-9100005-5", "selfservice-password-passphrase-five");
		CitizenAgent otherDevice = signedIn("17301-9100005-5", "selfservice-password-passphrase-five");
		HttpResponse<String> form = browser.get("/account/password");

		HttpResponse<String> changed = browser.postForm("/account/password",
				Map.of("currentPassword", "selfservice-password-passphrase-five", "password",
						"orchards of swat in the spring rain", "confirmPassword", "orchards of swat in the spring rain",
						"_csrf", CitizenAgent.csrf(form.body())));

		assertThat(browser.location(changed).toString()).endsWith("/account/password?changed");
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		assertThat(otherDevice.get("/account").statusCode()).isEqualTo(302);
		assertThat(signInLocation("17301-9100005-5", "selfservice-password-passphrase-five")).endsWith("?error");
		assertThat(signInLocation("17301-9100005-5", "orchards of swat in the spring rain")).doesNotContain("error");
		assertThat(awaitSms("+923459100005", "password was changed")).isPresent();
		assertThat(types("17301-9100005-5")).contains(AuditEventType.PASSWORD_CHANGED);
	}

	@Test
	void changePasswordWhenCurrentWrongThenErrorLinkedToFieldAndPasswordKept() {
		CitizenAgent browser = signedIn("17301-9100006-6", "selfservice-sessions-passphrase-six");
		HttpResponse<String> form = browser.get("/account/password");

		HttpResponse<String> page = browser.postForm("/account/password",
				Map.of("currentPassword", "not my password", "password", "orchards of swat in the spring rain",
						"confirmPassword", "orchards of swat in the spring rain", "_csrf",
						CitizenAgent.csrf(form.body())));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<a href=\"#currentPassword\">Your current password is not right.</a>")
			.contains("id=\"currentPassword-error\"");
		assertThat(signInLocation("17301-9100006-6", "selfservice-sessions-passphrase-six")).doesNotContain("error");
	}

	@Test
	void endSessionWhenOtherSessionChosenThenItIsSignedOutAndThisOneStays() {
		CitizenAgent browser = signedIn("17301-9100006-6", "selfservice-sessions-passphrase-six");
		CitizenAgent otherDevice = signedIn("17301-9100006-6", "selfservice-sessions-passphrase-six");
		HttpResponse<String> page = browser.get("/account/sessions");
		assertThat(page.body()).contains("(this device)", "127.0.0.*");
		Matcher handle = SESSION_HANDLE.matcher(page.body());
		assertThat(handle.find()).isTrue();

		HttpResponse<String> ended = browser.postForm("/account/sessions/end",
				Map.of("session", handle.group(1), "_csrf", CitizenAgent.csrf(page.body())));

		assertThat(browser.location(ended).toString()).endsWith("/account/sessions?ended");
		assertThat(otherDevice.get("/account").statusCode()).isEqualTo(302);
		HttpResponse<String> after = browser.get("/account/sessions");
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(SESSION_HANDLE.matcher(after.body()).find()).isFalse();
		assertThat(types("17301-9100006-6")).contains(AuditEventType.SESSIONS_ENDED);
	}

	@Test
	void endSessionWhenHandleUnknownThenNothingEnds() {
		CitizenAgent browser = signedIn("17301-9100007-7", "selfservice-activity-passphrase-seven");
		CitizenAgent otherDevice = signedIn("17301-9100007-7", "selfservice-activity-passphrase-seven");
		HttpResponse<String> page = browser.get("/account/sessions");

		browser.postForm("/account/sessions/end",
				Map.of("session", "not-a-handle", "_csrf", CitizenAgent.csrf(page.body())));

		assertThat(otherDevice.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void activityWhenSignedInThenShowsTheSignInWithNetworkOnly() {
		CitizenAgent browser = signedIn("17301-9100007-7", "selfservice-activity-passphrase-seven");

		HttpResponse<String> page = browser.get("/account/activity");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-type=\"SIGN_IN_SUCCEEDED\"", "You signed in", "127.0.0.0/24")
			.doesNotContain("17301-9100007-7");
	}

	@Test
	void changeNameWhenRegistryConfirmsThenChangedElseRefused() {
		CitizenAgent browser = signedIn("35202-8899001-9", "selfservice-name-passphrase-eight");
		HttpResponse<String> profile = browser.get("/account/profile");

		HttpResponse<String> refused = browser.postForm("/account/profile/name",
				Map.of("fullName", "Someone Else", "_csrf", CitizenAgent.csrf(profile.body())));
		HttpResponse<String> changed = browser.postForm("/account/profile/name",
				Map.of("fullName", "waqas  ahmed BUTT", "_csrf", CitizenAgent.csrf(refused.body())));

		assertThat(refused.body()).contains("<a href=\"#fullName\">This name does not match the civil registry");
		assertThat(browser.location(changed).toString()).endsWith("/account/profile?changed=name");
		assertThat(this.accounts.findByCnic(cnic("35202-8899001-9")).orElseThrow().fullName())
			.isEqualTo("waqas ahmed BUTT");
		assertThat(types("35202-8899001-9")).contains(AuditEventType.NAME_CHANGED);
	}

	@Test
	void changeEmailWhenCodeFromNewAddressRightThenStoredAuditedAndOldAddressTold() {
		CitizenAgent browser = signedIn("17301-9100031-3", "selfservice-email-passphrase-thirty-one");

		String first = confirmEmail(browser, "imran.khalil@example.test");
		assertThat(first).endsWith("/account/profile?changed=email");
		assertThat(storedEmail("17301-9100031-3")).isEqualTo("imran.khalil@example.test");

		HttpResponse<String> profile = browser.get("/account/profile");
		HttpResponse<String> asked = browser.postForm("/account/profile/email",
				Map.of("email", "  Imran.K@Mail.Example.TEST ", "_csrf", CitizenAgent.csrf(profile.body())));
		assertThat(browser.location(asked).getPath()).isEqualTo("/account/profile/email/verify");
		HttpResponse<String> pendingProfile = browser.get("/account/profile");
		assertThat(pendingProfile.body()).contains("id=\"pending-email\"", "Imran.K@mail.example.test",
				"href=\"/account/profile/email/verify\"");
		assertThat(storedEmail("17301-9100031-3")).as("unconfirmed address not stored")
			.isEqualTo("imran.khalil@example.test");
		String code = code(this.emailOutbox.latestTo("Imran.K@mail.example.test").orElseThrow().text());
		HttpResponse<String> verifyPage = browser.get("/account/profile/email/verify");
		assertThat(verifyPage.body()).contains("Imran.K@mail.example.test", "name=\"_csrf\"");

		HttpResponse<String> wrong = browser.postForm("/account/profile/email/verify", Map.of("code",
				code.equals("000000") ? "000001" : "000000", "_csrf", CitizenAgent.csrf(verifyPage.body())));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("<a href=\"#code\">That code is not right. Check the e-mail");
		assertThat(storedEmail("17301-9100031-3")).isEqualTo("imran.khalil@example.test");

		HttpResponse<String> right = browser.postForm("/account/profile/email/verify",
				Map.of("code", code, "_csrf", CitizenAgent.csrf(wrong.body())));

		assertThat(browser.location(right).toString()).endsWith("/account/profile?changed=email");
		assertThat(storedEmail("17301-9100031-3")).isEqualTo("Imran.K@mail.example.test");
		assertThat(browser.get("/account/profile").body()).doesNotContain("id=\"pending-email\"");
		assertThat(awaitEmail("imran.khalil@example.test", "changed")).hasValueSatisfying(
				(message) -> assertThat(message.text()).doesNotContain("Imran.K@").doesNotContain(code));
		List<AuditEntry> changes = this.auditLog.search(null, null, null, null, accountId("17301-9100031-3"), null, 100)
			.stream()
			.filter((entry) -> entry.event().type() == AuditEventType.EMAIL_CHANGED)
			.toList();
		assertThat(changes).hasSize(2).allSatisfy((entry) -> {
			assertThat(entry.event().details()).containsEntry("change", "verified");
			assertThat(entry.event().details().toString()).doesNotContain("@").doesNotContain("example");
		});
		assertThat(this.auditLog.search(null, null, null, null, accountId("17301-9100031-3"), null, 100).toString())
			.doesNotContain(code);

		HttpResponse<String> again = browser.get("/account/profile");
		HttpResponse<String> removed = browser.postForm("/account/profile/email",
				Map.of("email", "", "_csrf", CitizenAgent.csrf(again.body())));

		assertThat(browser.location(removed).toString()).endsWith("/account/profile?changed=email-removed");
		assertThat(storedEmail("17301-9100031-3")).isNull();
		assertThat(awaitEmail("Imran.K@mail.example.test", "changed or removed")).isPresent();
		assertThat(this.auditLog.search(null, null, null, null, accountId("17301-9100031-3"), null, 100))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("change", "removed"));
		assertThat(browser.get("/dev/email-outbox").body()).contains("I***@mail.example.test")
			.doesNotContain("Imran.K@mail.example.test");
	}

	@Test
	void changeEmailWhenInvalidOrNeverConfirmedThenNotStored() {
		CitizenAgent browser = signedIn("17301-9100007-7", "selfservice-activity-passphrase-seven");
		HttpResponse<String> profile = browser.get("/account/profile");

		HttpResponse<String> refused = browser.postForm("/account/profile/email", Map.of("email",
				"junaid@example.test\r\nBcc: all@example.test", "_csrf", CitizenAgent.csrf(profile.body())));
		HttpResponse<String> asked = browser.postForm("/account/profile/email",
				Map.of("email", "junaid@example.test", "_csrf", CitizenAgent.csrf(refused.body())));
		HttpResponse<String> badCode = browser.postForm("/account/profile/email/verify",
				Map.of("code", "12", "_csrf", CitizenAgent.csrf(refused.body())));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("<a href=\"#email\">Enter an e-mail address like name@example.com");
		assertThat(browser.location(asked).getPath()).isEqualTo("/account/profile/email/verify");
		assertThat(this.emailOutbox.latestTo("junaid@example.test")).isPresent();
		assertThat(badCode.body()).contains("<a href=\"#code\">Enter the 6 digits of the code.</a>");
		assertThat(storedEmail("17301-9100007-7")).isNull();
		assertThat(types("17301-9100007-7")).doesNotContain(AuditEventType.EMAIL_CHANGED);
	}

	@Test
	void verifyEmailWhenNothingPendingThenBackToProfile() {
		CitizenAgent browser = signedIn("17301-9100009-9", "selfservice-compare-passphrase-nine");

		HttpResponse<String> page = browser.get("/account/profile/email/verify");

		assertThat(browser.location(page).getPath()).isEqualTo("/account/profile");
	}

	private String confirmEmail(CitizenAgent browser, String address) {
		HttpResponse<String> profile = browser.get("/account/profile");
		browser.postForm("/account/profile/email",
				Map.of("email", address, "_csrf", CitizenAgent.csrf(profile.body())));
		HttpResponse<String> verifyPage = browser.get("/account/profile/email/verify");
		HttpResponse<String> verified = browser.postForm("/account/profile/email/verify",
				Map.of("code", code(this.emailOutbox.latestTo(address).orElseThrow().text()), "_csrf",
						CitizenAgent.csrf(verifyPage.body())));
		return browser.location(verified).toString();
	}

	private String storedEmail(String cnic) {
		return this.accounts.findByCnic(cnic(cnic)).orElseThrow().email();
	}

	private String accountId(String cnic) {
		return this.accounts.findByCnic(cnic(cnic)).orElseThrow().id().toString();
	}

	private Optional<EmailMessage> awaitEmail(String to, String marker) {
		return Outboxes.awaitEmail(this.emailOutbox, to, marker);
	}

	private static String code(String text) {
		Matcher matcher = CODE.matcher(text);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	@Test
	void postWhenCsrfTokenMissingThenRefused() {
		CitizenAgent browser = signedIn("17301-9100007-7", "selfservice-activity-passphrase-seven");

		HttpResponse<String> response = browser.postForm("/account/sessions/end-others", Map.of());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	private CitizenAgent signedIn(String cnic, String password) {
		CitizenAgent agent = new CitizenAgent(this.issuer);
		assertThat(agent.location(agent.signIn(cnic, password)).toString()).doesNotContain("error");
		return agent;
	}

	private String signInLocation(String username, String password) {
		CitizenAgent agent = new CitizenAgent(this.issuer);
		return agent.location(agent.signIn(username, password)).toString();
	}

	private List<AuditEventType> types(String cnic) {
		String accountId = this.accounts.findByCnic(cnic(cnic)).orElseThrow().id().toString();
		return this.auditLog.search(null, null, null, null, accountId, null, 100)
			.stream()
			.map((entry) -> entry.event().type())
			.toList();
	}

	private static Cnic cnic(String text) {
		return Cnic.parse(text);
	}

	private static String code(SmsMessage message) {
		Matcher matcher = CODE.matcher(message.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private Optional<SmsMessage> awaitSms(String mobile, String marker) {
		return Outboxes.awaitSms(this.outbox, mobile, marker);
	}

}
