package pk.gov.kp.khyberpass.mfa;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

/**
 * Records a change to a citizen's second factors in the audit log and tells the citizen
 * by SMS, so that someone else changing them does not go unnoticed. The SMS is in the
 * language of the page the change was made on and never carries a code. A notice the
 * gateway refuses is logged, not retried: the change itself stands.
 */
@Component
class FactorChanges {

	private static final Logger log = LoggerFactory.getLogger(FactorChanges.class);

	private final ApplicationEventPublisher events;

	private final SmsGateway sms;

	private final AccountService accounts;

	private final MessageSource messages;

	private final Clock clock;

	FactorChanges(ApplicationEventPublisher events, SmsGateway sms, AccountService accounts, MessageSource messages,
			Clock clock) {
		this.events = events;
		this.sms = sms;
		this.accounts = accounts;
		this.messages = messages;
		this.clock = clock;
	}

	void enrolled(AccountId account, SecondFactor factor) {
		record(AuditEventType.SECOND_FACTOR_ENROLLED, account, Map.of("factor", factor.name()));
		notify(account, "sms.notice.enrolled." + factor.name());
	}

	void removed(AccountId account, SecondFactor factor) {
		record(AuditEventType.SECOND_FACTOR_REMOVED, account, Map.of("factor", factor.name()));
		notify(account, "sms.notice.removed." + factor.name());
	}

	void recoveryCodesGenerated(AccountId account) {
		record(AuditEventType.RECOVERY_CODES_GENERATED, account,
				Map.of("factor", SecondFactor.RECOVERY_CODE.name(), "count", Integer.toString(RecoveryCodes.COUNT)));
		notify(account, "sms.notice.recovery-codes");
	}

	private void record(AuditEventType type, AccountId account, Map<String, String> details) {
		String id = account.value().toString();
		this.events.publishEvent(new AuditEvent(type, id, id, null, this.clock.instant(), details));
	}

	private void notify(AccountId account, String messageKey) {
		MobileNumber mobile = this.accounts.findById(account).map((found) -> found.mobile()).orElse(null);
		if (mobile == null) {
			return;
		}
		Locale locale = LocaleContextHolder.getLocale();
		try {
			this.sms.send(new SmsMessage(mobile.e164(), this.messages.getMessage(messageKey, null, locale)));
		}
		catch (SmsDeliveryException ex) {
			log.warn("Could not send the second-factor change notice to account {}", account, ex);
		}
	}

}
