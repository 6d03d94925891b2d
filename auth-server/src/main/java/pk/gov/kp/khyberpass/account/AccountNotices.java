package pk.gov.kp.khyberpass.account;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.notify.EmailGateway;
import pk.gov.kp.khyberpass.notify.EmailMessage;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Text messages that tell a citizen something happened to their account (locked, password
 * changed, mobile number or e-mail address changed), and the recovery code, in the
 * language of the page that caused them. Sent in the background: the page must not wait
 * on the SMS gateway, and answering a lock or a recovery exactly as fast for an account
 * that exists as for one that does not keeps account existence hidden. A failed delivery
 * is logged and dropped; the audit log still has the event.
 */
@Component
public final class AccountNotices implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AccountNotices.class);

	private final SmsGateway sms;

	private final EmailGateway email;

	private final MessageSource messages;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "account-notices");
		thread.setDaemon(true);
		return thread;
	});

	AccountNotices(SmsGateway sms, EmailGateway email, MessageSource messages) {
		this.sms = sms;
		this.email = email;
		this.messages = messages;
	}

	/** A one-time code for password recovery. */
	public void recoveryCode(MobileNumber to, String code, Duration validFor) {
		send(to, "sms.recovery-code", code, validFor.toMinutes());
	}

	/** Sign-in is locked for a while after many wrong passwords. */
	public void locked(MobileNumber to, Duration lockDuration) {
		send(to, "sms.notice.locked", lockDuration.toMinutes());
	}

	/** The password was changed or reset; other sessions were signed out. */
	public void passwordChanged(MobileNumber to) {
		send(to, "sms.notice.password-changed");
	}

	/** The account's mobile number moved to another number; sent to the old one. */
	public void mobileChanged(MobileNumber oldNumber, MobileNumber newNumber) {
		send(oldNumber, "sms.notice.mobile-changed", newNumber.masked());
	}

	/** The account's e-mail address was changed or removed; sent to the old address. */
	public void emailChanged(EmailAddress oldAddress) {
		String subject = this.messages.getMessage("email.notice.changed.subject", null,
				LocaleContextHolder.getLocale());
		String text = this.messages.getMessage("email.notice.changed.text", null, LocaleContextHolder.getLocale());
		this.executor.execute(() -> {
			try {
				this.email.send(new EmailMessage(oldAddress.value(), subject, text));
			}
			catch (RuntimeException ex) {
				log.warn("Account notice to {} not delivered: {}", oldAddress, ex.getMessage());
			}
		});
	}

	/** Sends in the background, in the language of the request that caused it. */
	private void send(MobileNumber to, String messageKey, Object... arguments) {
		deliver(to, this.messages.getMessage(messageKey, arguments, LocaleContextHolder.getLocale()));
	}

	private void deliver(MobileNumber to, String text) {
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
