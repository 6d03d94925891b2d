package pk.gov.kp.khyberpass.protection;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountNotices;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.InvalidMobileNumberException;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.cnic.InvalidCnicException;

/**
 * When a sign-in lock falls on a real account: records {@code ACCOUNT_LOCKED} and tells
 * the citizen by SMS (in the background, so the locking attempt takes as long for a
 * made-up name as for a real one). A name without an account is only logged; its failures
 * are already in the audit log.
 */
@Component
final class LockNotice {

	private static final Logger log = LoggerFactory.getLogger(LockNotice.class);

	private final AccountService accounts;

	private final AccountNotices notices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LockNotice(AccountService accounts, AccountNotices notices, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.notices = notices;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(SignInLocked locked) {
		Optional<Account> account = find(locked.username());
		if (account.isEmpty()) {
			log.debug("Sign-in lock on a name without an account");
			return;
		}
		Account citizen = account.get();
		this.events.publishEvent(new AuditEvent(AuditEventType.ACCOUNT_LOCKED, AuditEvent.SYSTEM,
				citizen.id().toString(), null, this.clock.instant(),
				Map.of("reason", "too-many-failed-sign-ins", "lockDuration", locked.lockDuration().toString())));
		if (citizen.mobile() != null) {
			this.notices.locked(citizen.mobile(), locked.lockDuration());
		}
	}

	private Optional<Account> find(String username) {
		try {
			return this.accounts.findByCnic(Cnic.parse(username));
		}
		catch (InvalidCnicException notCnic) {
			try {
				return this.accounts.findByMobile(MobileNumber.parse(username));
			}
			catch (InvalidMobileNumberException notMobile) {
				return Optional.empty();
			}
		}
	}

}
