package pk.gov.kp.khyberpass.protection;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.notify.SmsMessage;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen hears of a sign-in lock by SMS, once per lock, and the lock is in the audit
 * log. The lock comes after 4 failures here (20 by default) with no wait between
 * attempts, to keep the test short.
 */
@KhyberPassIntegrationTest
@TestPropertySource(
		properties = { "khyberpass.protection.sign-in.delay-after=3", "khyberpass.protection.sign-in.lock-after=4",
				"khyberpass.protection.sign-in.first-delay=1ms", "khyberpass.protection.sign-in.max-delay=1ms" })
class LockNoticeIT {

	static final String MOBILE = "+923459100003";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountService accounts;

	@Test
	void signInWhenLockReachedThenOneSmsAndAccountLockedAudited() throws InterruptedException {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		for (int i = 0; i < 4; i++) {
			browser.signIn("0345 9100003", "not-the-password-" + i);
			Thread.sleep(5);
		}

		String afterLock = browser.location(browser.signIn("+92 345 9100003", "not-the-password-again")).toString();
		browser.signIn("0345-9100003", "selfservice-lock-passphrase-three");

		assertThat(afterLock).endsWith("/login?throttled");
		assertThat(awaitLockNotices(1)).hasSize(1);
		Thread.sleep(300);
		assertThat(lockNotices()).hasSize(1);
		assertThat(lockNotices().get(0).text()).contains("is locked for 15 minutes").doesNotContain("17301");
		String accountId = this.accounts.findByCnic(Cnic.parse("17301-9100003-3")).orElseThrow().id().toString();
		List<AuditEntry> locked = this.auditLog.search(null, null, AuditEventType.ACCOUNT_LOCKED, null, accountId, null,
				10);
		assertThat(locked).hasSize(1);
	}

	private List<SmsMessage> awaitLockNotices(int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
		while (lockNotices().size() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		return lockNotices();
	}

	private List<SmsMessage> lockNotices() {
		return this.outbox.messages()
			.stream()
			.map(DevelopmentSmsOutbox.Delivered::message)
			.filter((message) -> message.to().equals(MOBILE) && message.text().contains("locked"))
			.toList();
	}

}
