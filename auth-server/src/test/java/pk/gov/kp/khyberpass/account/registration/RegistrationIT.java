package pk.gov.kp.khyberpass.account.registration;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentEmailOutbox;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-registration through the real pages, against PostgreSQL and Redis, with the
 * development SMS outbox and the synthetic civil registry.
 */
@KhyberPassIntegrationTest
class RegistrationIT {

	private static final String PASSWORD = "correct horse battery staple on the peshawar road";

	private static final Pattern CODE = Pattern.compile("([0-9]{6})");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Autowired
	DevelopmentEmailOutbox emailOutbox;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void registerWhenRegistryConfirmsAndCodeRightThenAccountCanSignIn() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		HttpResponse<String> submitted = register(browser, "17101-2345678-1", "imran  KHATTAK", "1979-01-15",
				"0301 2345678", PASSWORD);
		assertThat(submitted.statusCode()).isEqualTo(302);
		assertThat(browser.location(submitted).getPath()).isEqualTo("/register/verify");
		HttpResponse<String> verifyPage = browser.get("/register/verify");
		assertThat(verifyPage.body()).contains("+92301*****78").doesNotContain("+923012345678");

		HttpResponse<String> verified = submitCode(browser, verifyPage, codeSentTo("+923012345678"));

		assertThat(verified.statusCode()).isEqualTo(302);
		assertThat(browser.location(verified).toString()).endsWith("/login?registered");
		assertThat(browser.get("/login?registered").body()).contains("id=\"registered\"");
		assertThat(this.accounts.findByCnic(Cnic.parse("17101-2345678-1"))).hasValueSatisfying((account) -> {
			assertThat(account.fullName()).isEqualTo("imran KHATTAK");
			assertThat(account.mobile().e164()).isEqualTo("+923012345678");
		});
		HttpResponse<String> signedIn = new CitizenAgent(this.issuer).signIn("17101-2345678-1", PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	@Test
	void loginPageWhenShownThenLinksToRegistrationWhichOpensWithoutSignIn() {
		CitizenAgent browser = new CitizenAgent(this.issuer);

		HttpResponse<String> login = browser.get("/login");
		HttpResponse<String> register = browser.get("/register");

		assertThat(login.body()).contains("id=\"register-link\"");
		assertThat(register.statusCode()).isEqualTo(200);
	}

	@Test
	void registerWhenRegistryDoesNotConfirmThenRefusedAndNothingSent() {
		CitizenAgent browser = new CitizenAgent(this.issuer);

		HttpResponse<String> page = register(browser, "17102-3456789-2", "Sana Yousafzai", "1993-06-22", "0302 3456789",
				PASSWORD);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("class=\"error-summary\"")
			.contains("<a href=\"#cnic\">The CNIC, name and date of birth do not match the civil registry.")
			.contains("value=\"Sana Yousafzai\"")
			.doesNotContain(PASSWORD);
		assertThat(this.accounts.findByCnic(Cnic.parse("17102-3456789-2"))).isEmpty();
		assertThat(this.outbox.latestTo("+923023456789")).isEmpty();
		assertThat(browser.get("/register/verify").statusCode()).isEqualTo(302);
	}

	@Test
	void registerWhenCnicAlreadyHasAccountThenRefused() {
		HttpResponse<String> page = register(new CitizenAgent(this.issuer), "17301-1234567-2", "Ayesha Khan",
				"1990-04-12", "0303 4567890", PASSWORD);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("This CNIC already has a Khyber Pass account.");
		assertThat(this.outbox.latestTo("+923034567890")).isEmpty();
	}

	@Test
	void verifyWhenFiveWrongCodesThenChallengeDeadAndNoAccount() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		register(browser, "17201-4567890-3", "Zahid Afridi", "1988-11-03", "0304 5678901", PASSWORD);
		String code = codeSentTo("+923045678901");
		String wrong = code.equals("000000") ? "000001" : "000000";
		HttpResponse<String> page = browser.get("/register/verify");
		for (int i = 0; i < 4; i++) {
			page = submitCode(browser, page, wrong);
			assertThat(page.body()).contains("That code is not right.");
		}

		page = submitCode(browser, page, wrong);
		assertThat(page.body()).contains("This code can no longer be used.");
		page = submitCode(browser, page, code);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("This code can no longer be used.");
		assertThat(this.accounts.findByCnic(Cnic.parse("17201-4567890-3"))).isEmpty();
	}

	@Test
	void registerWhenPasswordTooShortOrCommonThenPolicyMessage() {
		CitizenAgent browser = new CitizenAgent(this.issuer);

		HttpResponse<String> shortPassword = register(browser, "17301-5678901-4", "Mehwish Durrani", "1995-02-28",
				"0305 6789012", "password1");
		HttpResponse<String> common = register(browser, "17301-5678901-4", "Mehwish Durrani", "1995-02-28",
				"0305 6789012", "qwertyuiopasdfgh");

		assertThat(shortPassword.body())
			.contains("<a href=\"#password\">Your password must be at least 15 characters long.</a>")
			.contains("aria-invalid=\"true\"");
		assertThat(common.body()).contains("This password is too common.");
		assertThat(this.outbox.latestTo("+923056789012")).isEmpty();
		assertThat(this.accounts.findByCnic(Cnic.parse("17301-5678901-4"))).isEmpty();
	}

	@Test
	void resendWhenWithinAMinuteThenThrottledMessageAndFirstCodeStillWorks() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		register(browser, "15401-6789012-5", "Asad Ullah Marwat", "1972-07-07", "0306 7890123", PASSWORD);
		String code = codeSentTo("+923067890123");
		HttpResponse<String> page = browser.get("/register/verify");

		page = browser.postForm("/register/resend", Map.of("_csrf", CitizenAgent.csrf(page.body())));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Too many codes were sent to this mobile number.");
		assertThat(browser.location(submitCode(browser, page, code)).toString()).endsWith("/login?registered");
	}

	@Test
	void registerWhenEmailGivenAndEmailCodeRightThenAddressStoredOnlyThen() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		register(browser, "15502-7890123-6", "Gul Bano", "1969-12-19", "0301 2345601", "Gul.Bano@Mail.example.test",
				PASSWORD);
		HttpResponse<String> verifyPage = browser.get("/register/verify");

		HttpResponse<String> verified = submitCode(browser, verifyPage, codeSentTo("+923012345601"));

		assertThat(browser.location(verified).getPath()).isEqualTo("/register/email");
		Cnic cnic = Cnic.parse("15502-7890123-6");
		assertThat(this.accounts.findByCnic(cnic))
			.hasValueSatisfying((account) -> assertThat(account.email()).isNull());
		HttpResponse<String> emailPage = browser.get("/register/email");
		assertThat(emailPage.statusCode()).isEqualTo(200);
		assertThat(emailPage.body()).contains("Gul.Bano@mail.example.test").contains("/register/email/skip");
		String code = emailCodeSentTo("Gul.Bano@mail.example.test");

		HttpResponse<String> confirmed = browser.postForm("/register/email",
				Map.of("code", code, "_csrf", CitizenAgent.csrf(emailPage.body())));

		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(browser.location(confirmed).toString()).endsWith("/login?registered&email-confirmed");
		assertThat(browser.get("/login?registered&email-confirmed").body()).contains("id=\"email-confirmed\"");
		assertThat(this.accounts.findByCnic(cnic))
			.hasValueSatisfying((account) -> assertThat(account.email()).isEqualTo("Gul.Bano@mail.example.test"));
		List<AuditEntry> audited = emailChanges(cnic);
		assertThat(audited).hasSize(1);
		assertThat(audited.get(0).event().details()).containsEntry("change", "verified-at-registration");
		assertThat(audited.get(0).event().details().toString()).doesNotContain("@");
		assertThat(browser.get("/register/email").headers().firstValue("Location").orElseThrow()).endsWith("/register");
	}

	@Test
	void registerWhenEmailCodeWrongThenRefusedAndAddressNotStoredAndSkipSignsInWithoutIt() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		register(browser, "16101-8901234-7", "Farhan Ali Shah", "2000-03-10", "0301 2345602",
				"farhan@mail.example.test", PASSWORD);
		HttpResponse<String> verifyPage = browser.get("/register/verify");
		submitCode(browser, verifyPage, codeSentTo("+923012345602"));
		HttpResponse<String> emailPage = browser.get("/register/email");
		String right = emailCodeSentTo("farhan@mail.example.test");
		String wrong = right.equals("000000") ? "111111" : "000000";

		HttpResponse<String> refused = browser.postForm("/register/email",
				Map.of("code", wrong, "_csrf", CitizenAgent.csrf(emailPage.body())));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"code-error\"");
		Cnic cnic = Cnic.parse("16101-8901234-7");
		assertThat(this.accounts.findByCnic(cnic))
			.hasValueSatisfying((account) -> assertThat(account.email()).isNull());

		HttpResponse<String> skipped = browser.postForm("/register/email/skip",
				Map.of("_csrf", CitizenAgent.csrf(refused.body())));

		assertThat(browser.location(skipped).toString()).endsWith("/login?registered");
		assertThat(emailChanges(cnic)).isEmpty();
		assertThat(browser.get("/register/email").statusCode()).isEqualTo(302);
		assertThat(this.accounts.findByCnic(cnic))
			.hasValueSatisfying((account) -> assertThat(account.email()).isNull());
		HttpResponse<String> signedIn = new CitizenAgent(this.issuer).signIn("16101-8901234-7", PASSWORD);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	@Test
	void registerWhenEmailCodeCannotBeSentThenAccountCreatedWithoutAddressAndCitizenTold() {
		CitizenAgent first = new CitizenAgent(this.issuer);
		register(first, "21102-9012345-8", "Nazia Wazir", "1998-08-08", "0301 2345603", "shared@mail.example.test",
				PASSWORD);
		submitCode(first, first.get("/register/verify"), codeSentTo("+923012345603"));
		CitizenAgent second = new CitizenAgent(this.issuer);
		register(second, "21203-0123456-9", "Hamid Gul Mehsud", "1983-05-25", "0301 2345604",
				"shared@mail.example.test", PASSWORD);

		// a code went to the same address moments ago, so this one is throttled
		HttpResponse<String> verified = submitCode(second, second.get("/register/verify"), codeSentTo("+923012345604"));

		assertThat(second.location(verified).toString()).endsWith("/login?registered&email-not-sent");
		assertThat(second.get("/login?registered&email-not-sent").body()).contains("id=\"email-not-sent\"");
		assertThat(this.accounts.findByCnic(Cnic.parse("21203-0123456-9")))
			.hasValueSatisfying((account) -> assertThat(account.email()).isNull());
	}

	@Test
	void emailStepWhenNoRegistrationInSessionThenBackToRegistration() {
		CitizenAgent browser = new CitizenAgent(this.issuer);

		HttpResponse<String> page = browser.get("/register/email");

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(browser.location(page).getPath()).isEqualTo("/register");
	}

	private HttpResponse<String> register(CitizenAgent browser, String cnic, String name, String birthDate,
			String mobile, String password) {
		return register(browser, cnic, name, birthDate, mobile, "", password);
	}

	private HttpResponse<String> register(CitizenAgent browser, String cnic, String name, String birthDate,
			String mobile, String email, String password) {
		HttpResponse<String> form = browser.get("/register");
		assertThat(form.statusCode()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("cnic", cnic);
		fields.put("fullName", name);
		fields.put("birthDate", birthDate);
		fields.put("mobile", mobile);
		fields.put("email", email);
		fields.put("password", password);
		fields.put("confirmPassword", password);
		fields.put("_csrf", CitizenAgent.csrf(form.body()));
		return browser.postForm("/register", fields);
	}

	private static HttpResponse<String> submitCode(CitizenAgent browser, HttpResponse<String> page, String code) {
		return browser.postForm("/register/verify", Map.of("code", code, "_csrf", CitizenAgent.csrf(page.body())));
	}

	private List<AuditEntry> emailChanges(Cnic cnic) {
		String account = this.accounts.findByCnic(cnic).orElseThrow().id().toString();
		return this.auditLog.search(null, null, null, null, account, null, 100)
			.stream()
			.filter((entry) -> entry.event().type() == AuditEventType.EMAIL_CHANGED)
			.toList();
	}

	private String emailCodeSentTo(String address) {
		Matcher matcher = CODE.matcher(this.emailOutbox.latestTo(address).orElseThrow().text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private String codeSentTo(String e164) {
		String text = this.outbox.latestTo(e164).orElseThrow().text();
		Matcher matcher = CODE.matcher(text);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
