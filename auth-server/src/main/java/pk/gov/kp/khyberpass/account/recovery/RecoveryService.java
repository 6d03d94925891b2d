package pk.gov.kp.khyberpass.account.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountNotices;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.AccountStatus;
import pk.gov.kp.khyberpass.account.PasswordChanged;
import pk.gov.kp.khyberpass.account.OtpChallenge;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpOutcome;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.account.sessions.CitizenSessions;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.keys.KeyedHash;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The recovery steps. Whatever the CNIC and date of birth, {@link #start} returns a
 * pending recovery with a live challenge: a real one whose code went by SMS to the
 * registered number, or a decoy whose code went nowhere. The pages cannot tell them
 * apart, so neither can the person at the keyboard.
 */
final class RecoveryService {

	private static final Logger log = LoggerFactory.getLogger(RecoveryService.class);

	private final AccountService accounts;

	private final OtpChallenges otps;

	private final AccountNotices notices;

	private final CitizenSessions sessions;

	private final ApplicationEventPublisher events;

	private final KeyedHash cnicHash;

	private final Clock clock;

	RecoveryService(AccountService accounts, OtpChallenges otps, AccountNotices notices, CitizenSessions sessions,
			ApplicationEventPublisher events, KeyedHash cnicHash, Clock clock) {
		this.cnicHash = cnicHash;
		this.accounts = accounts;
		this.otps = otps;
		this.notices = notices;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	PendingRecovery start(Cnic cnic, LocalDate birthDate) {
		Optional<Account> account = this.accounts.findByCnic(cnic)
			.filter((found) -> found.birthDate().equals(birthDate))
			.filter((found) -> found.status() == AccountStatus.ACTIVE && found.mobile() != null);
		if (account.isPresent()) {
			Account citizen = account.get();
			try {
				OtpChallenge challenge = this.otps.issue(citizen.mobile());
				this.notices.recoveryCode(citizen.mobile(), challenge.code(), this.otps.rules().ttl());
				this.events.publishEvent(AuditEvent.of(AuditEventType.RECOVERY_STARTED, citizen.id().toString(),
						citizen.id().toString(), null, this.clock.instant()));
				return new PendingRecovery(challenge.id(), citizen.id().toString(), null);
			}
			catch (OtpThrottledException ex) {
				// A code went to this number a moment ago (registration, profile or
				// recovery): answer as always.
				log.debug("Recovery code for account {} not sent: too many codes", citizen.id());
			}
		}
		// Recorded like a match (one audit write either way, so the answer takes as
		// long); the security team sees
		// requests for CNICs without an account, never the CNIC itself.
		String attempted = "cnic-hash:" + this.cnicHash.base64Url(cnic.digits());
		this.events.publishEvent(new AuditEvent(AuditEventType.RECOVERY_STARTED, attempted, attempted, null,
				this.clock.instant(), Map.of("outcome", "no-match")));
		return new PendingRecovery(this.otps.issueDecoy().id(), null, null);
	}

	/** Judges the code; a decoy never accepts one. */
	OtpOutcome verify(PendingRecovery pending, String code) {
		OtpOutcome outcome = this.otps.verify(pending.challengeId(), code);
		if (outcome == OtpOutcome.ACCEPTED && pending.accountId() == null) {
			return OtpOutcome.DEAD;
		}
		return outcome;
	}

	/** The account of a proven recovery. */
	Optional<Account> account(PendingRecovery pending) {
		return (pending.accountId() != null) ? this.accounts.findById(AccountId.parse(pending.accountId()))
				: Optional.empty();
	}

	/**
	 * Sets the new password (already checked against the policy), ends every session and
	 * refresh token of the account, records it and tells the citizen.
	 */
	void complete(Account account, String newPassword) {
		this.accounts.changePassword(account.id(), newPassword);
		int ended = this.sessions.endAll(account.id());
		this.events.publishEvent(new PasswordChanged(account.id(), this.clock.instant(), "recovered"));
		this.events.publishEvent(
				new AuditEvent(AuditEventType.PASSWORD_RESET, account.id().toString(), account.id().toString(), null,
						this.clock.instant(), Map.of("method", "sms-code", "sessionsEnded", Integer.toString(ended))));
		if (account.mobile() != null) {
			this.notices.passwordChanged(account.mobile());
		}
	}

}
