package pk.gov.kp.khyberpass.account;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Text messages that tell a citizen something happened to their account (locked, password changed, mobile
 * number changed). Sent in the background: the page must not wait on the SMS gateway, and answering a
 * lock or a recovery exactly as fast for an account that exists as for one that does not keeps account
 * existence hidden. A failed delivery is logged and dropped; the audit log still has the event.
 */
@Component
public final class AccountNotices implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AccountNotices.class);

	private static final String HELP = " If this was not you, call the Khyber Pass helpline.";

	private final SmsGateway sms;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "account-notices");
		thread.setDaemon(true);
		return thread;
	});

	AccountNotices(SmsGateway sms) {
		this.sms = sms;
	}

	/** A one-time code for password recovery. */
	public void recoveryCode(MobileNumber to, String code) {
		send(to, "Khyber Pass password reset code: " + code
				+ ". It expires in 5 minutes. Never share it, not even with government staff.");
	}

	/** Sign-in is locked for a while after many wrong passwords. */
	public void locked(MobileNumber to, Duration lockDuration) {
		send(to, "Khyber Pass: after many wrong passwords, sign-in to your account is locked for "
				+ lockDuration.toMinutes() + " minutes." + HELP);
	}

	/** The password was changed or reset; every session was signed out. */
	public void passwordChanged(MobileNumber to) {
		send(to, "Khyber Pass: your password was changed and your other sessions were signed out." + HELP);
	}

	/** The account's mobile number moved to another number; sent to the old one. */
	public void mobileChanged(MobileNumber oldNumber, MobileNumber newNumber) {
		send(oldNumber, "Khyber Pass: your account's mobile number was changed to " + newNumber.masked() + "."
				+ HELP);
	}

	private void send(MobileNumber to, String text) {
		this.executor.execute(() -> {
			try {
				this.sms.send(new SmsMessage(to.e164(), text));
			}
			catch (RuntimeException ex) {
				log.warn("Account notice to {} not delivered: {}", to, ex.getMessage());
			}
		});
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
