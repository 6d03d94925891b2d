package pk.gov.kp.khyberpass.mfa.passkey;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

/**
 * What passkey changes tell the audit log and the citizen: every addition, removal and
 * refused assertion is audited; additions and removals also send an SMS to the account's
 * mobile number, in the citizen's language, so a citizen learns at once of a passkey they
 * did not add. An SMS that cannot be delivered is logged and does not undo the change.
 */
final class PasskeyNotifications {

	private static final Logger log = LoggerFactory.getLogger(PasskeyNotifications.class);

	private final ApplicationEventPublisher events;

	private final SmsGateway sms;

	private final MessageSource messages;

	private final Clock clock;

	PasskeyNotifications(ApplicationEventPublisher events, SmsGateway sms, MessageSource messages, Clock clock) {
		this.events = events;
		this.sms = sms;
		this.messages = messages;
		this.clock = clock;
	}

	void added(Account account, StoredPasskey passkey) {
		String id = account.id().toString();
		this.events.publishEvent(new AuditEvent(AuditEventType.PASSKEY_REGISTERED, id, id, null, this.clock.instant(),
				Map.of("passkey", passkey.id().toString(), "aaguid", passkey.aaguid())));
		text(account, "passkey.sms.added", passkey.name());
	}

	void removed(Account account, StoredPasskey passkey) {
		String id = account.id().toString();
		this.events.publishEvent(new AuditEvent(AuditEventType.PASSKEY_REMOVED, id, id, null, this.clock.instant(),
				Map.of("passkey", passkey.id().toString())));
		text(account, "passkey.sms.removed", passkey.name());
	}

	/**
	 * A refused assertion.
	 * @param account the account the passkey belongs to, when known
	 * @param ceremony {@code sign-in} or {@code step-up}
	 * @param reason the refusal's reason code
	 */
	void refused(@Nullable String account, String ceremony, String reason) {
		String subject = (account != null) ? account : "unknown";
		this.events.publishEvent(new AuditEvent(AuditEventType.PASSKEY_ASSERTION_FAILED, subject, subject, null,
				this.clock.instant(), Map.of("ceremony", ceremony, "reason", reason)));
	}

	/** A passkey sign-in, recorded like a password sign-in with the method named. */
	void signedIn(Account account) {
		String id = account.id().toString();
		this.events.publishEvent(new AuditEvent(AuditEventType.SIGN_IN_SUCCEEDED, id, id, null, this.clock.instant(),
				Map.of("method", "passkey")));
	}

	void steppedUp(Account account) {
		String id = account.id().toString();
		this.events.publishEvent(new AuditEvent(AuditEventType.SECOND_FACTOR_SUCCEEDED, id, id, null,
				this.clock.instant(), Map.of("factor", "PASSKEY")));
	}

	private void text(Account account, String key, String passkeyName) {
		if (account.mobile() == null) {
			return;
		}
		String text = this.messages.getMessage(key, new Object[] { passkeyName }, LocaleContextHolder.getLocale());
		try {
			this.sms.send(new SmsMessage(account.mobile().e164(), text));
		}
		catch (SmsDeliveryException ex) {
			log.warn("Could not tell account {} by SMS about a passkey change", account.id(), ex);
		}
	}

}
