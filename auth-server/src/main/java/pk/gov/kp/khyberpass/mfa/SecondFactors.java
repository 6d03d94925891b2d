package pk.gov.kp.khyberpass.mfa;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpOutcome;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.MasterKey;

/**
 * The public face of second factors: whether a citizen has one, checking a code, and
 * provisioning.
 * <p>
 * SMS: a code sent on request to the confirmed mobile number ({@link SmsCodes}). TOTP:
 * each time step is accepted once per account across all nodes (the ephemeral store
 * remembers used steps for longer than the tolerance window). Recovery codes: single use,
 * stored as keyed hashes. Wrong codes are counted per account; past the limit the account
 * must wait.
 */
@Service
public class SecondFactors {

	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	private static final Duration USED_STEP_TTL = Duration.ofSeconds(Totp.STEP_SECONDS * 4);

	private final JdbcClient jdbc;

	private final MasterKey masterKey;

	private final EphemeralStore ephemeral;

	private final MfaProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final RecoveryCodes recoveryCodes;

	private final SmsFactor smsFactor;

	private final SmsCodes smsCodes;

	SecondFactors(JdbcClient jdbc, MasterKey masterKey, EphemeralStore ephemeral, MfaProperties properties, Clock clock,
			ApplicationEventPublisher events, RecoveryCodes recoveryCodes, SmsFactor smsFactor, SmsCodes smsCodes) {
		this.events = events;
		this.jdbc = jdbc;
		this.masterKey = masterKey;
		this.ephemeral = ephemeral;
		this.properties = properties;
		this.clock = clock;
		this.recoveryCodes = recoveryCodes;
		this.smsFactor = smsFactor;
		this.smsCodes = smsCodes;
	}

	/** Whether the citizen can step up with a second factor. */
	public boolean hasSecondFactor(AccountId account) {
		return hasTotp(account) || this.smsFactor.enrolled(account) || this.recoveryCodes.remaining(account) > 0;
	}

	/**
	 * Checks a code: a TOTP code for the current step (±1) that was not used before, the
	 * code last sent by SMS for signing in, or an unused recovery code, which is then
	 * spent.
	 * @return the factor the code proved, or empty for a wrong or replayed code
	 * @throws SecondFactorThrottledException after too many wrong codes
	 */
	@Transactional
	public Optional<SecondFactor> verify(AccountId account, String code) {
		String failures = "mfa-fail:" + account.value();
		if (this.ephemeral.count(failures) >= this.properties.maxAttempts()) {
			throw new SecondFactorThrottledException();
		}
		Optional<SecondFactor> proved = verifyTotp(account, code).or(() -> verifySmsCode(account, code))
			.or(() -> spendRecoveryCode(account, code));
		String id = account.value().toString();
		if (proved.isEmpty()) {
			this.ephemeral.increment(failures, this.properties.attemptWindow());
			log.debug("Refused a second-factor code for account {}", account);
			this.events
				.publishEvent(AuditEvent.of(AuditEventType.SECOND_FACTOR_FAILED, id, id, null, this.clock.instant()));
		}
		else {
			this.ephemeral.delete(failures);
			this.events.publishEvent(new AuditEvent(AuditEventType.SECOND_FACTOR_SUCCEEDED, id, id, null,
					this.clock.instant(), Map.of("factor", proved.get().name())));
		}
		return proved;
	}

	/**
	 * Sets the account's TOTP secret (confirmed, as an operator vouches for it) and adds
	 * recovery codes; used by the seed file for test harnesses. Idempotent.
	 */
	@Transactional
	public void provision(AccountId account, @Nullable String base32Secret, List<String> recoveryCodes) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (base32Secret != null) {
			byte[] secret = Base32.decode(base32Secret);
			if (secret.length < 10) {
				throw new IllegalArgumentException("a TOTP secret must have at least 80 bits (16 base32 characters)");
			}
			byte[] sealed = this.masterKey.seal("totp-secret", secret, aad(account));
			int updated = this.jdbc.sql(
					"UPDATE totp_credential SET secret_sealed = ?, master_key_id = ?, confirmed_at = ? WHERE account_id = ?")
				.params(sealed, this.masterKey.keyId(), now, account.value())
				.update();
			if (updated == 0) {
				this.jdbc
					.sql("INSERT INTO totp_credential (account_id, secret_sealed, master_key_id, created_at, "
							+ "confirmed_at) VALUES (?, ?, ?, ?, ?)")
					.params(account.value(), sealed, this.masterKey.keyId(), now, now)
					.update();
			}
		}
		this.recoveryCodes.add(account, recoveryCodes);
	}

	/** Whether the account has a confirmed authenticator app. */
	public boolean hasTotp(AccountId account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM totp_credential WHERE account_id = ? AND confirmed_at IS NOT NULL")
			.param(account.value())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Removes the account's authenticator app (confirmed or pending).
	 * @return whether there was a confirmed one
	 */
	@Transactional
	public boolean removeTotp(AccountId account) {
		boolean confirmed = hasTotp(account);
		this.jdbc.sql("DELETE FROM totp_credential WHERE account_id = ?").param(account.value()).update();
		if (confirmed) {
			log.info("Account {} removed its authenticator app", account);
		}
		return confirmed;
	}

	/**
	 * Starts adding an authenticator app: a fresh 160-bit secret, stored sealed and
	 * unconfirmed (replacing an earlier unconfirmed one), returned as base32 for the QR
	 * code.
	 * @throws IllegalStateException if the account already has a confirmed authenticator
	 * app
	 */
	@Transactional
	public String startTotpEnrolment(AccountId account, java.security.SecureRandom random) {
		if (hasTotp(account)) {
			throw new IllegalStateException("The account already has an authenticator app");
		}
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		byte[] sealed = this.masterKey.seal("totp-secret", secret, aad(account));
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("DELETE FROM totp_credential WHERE account_id = ? AND confirmed_at IS NULL")
			.param(account.value())
			.update();
		this.jdbc
			.sql("INSERT INTO totp_credential (account_id, secret_sealed, master_key_id, created_at) "
					+ "VALUES (?, ?, ?, ?)")
			.params(account.value(), sealed, this.masterKey.keyId(), now)
			.update();
		return Base32.encode(secret);
	}

	/**
	 * Confirms the unconfirmed authenticator app with a first code from it (each time
	 * step once).
	 * @return whether the code matched and the app is now a second factor of the account
	 */
	@Transactional
	public boolean confirmTotpEnrolment(AccountId account, String code) {
		if (!acceptTotpOnce(account, code, "confirmed_at IS NULL")) {
			return false;
		}
		this.jdbc.sql("UPDATE totp_credential SET confirmed_at = ? WHERE account_id = ?")
			.params(Timestamp.from(this.clock.instant()), account.value())
			.update();
		log.info("Account {} added an authenticator app", account);
		return true;
	}

	private Optional<SecondFactor> verifyTotp(AccountId account, String code) {
		return acceptTotpOnce(account, code, "confirmed_at IS NOT NULL") ? Optional.of(SecondFactor.TOTP)
				: Optional.empty();
	}

	/**
	 * Whether {@code code} matches the account's TOTP secret (confirmed or pending, as
	 * {@code state} says) in a time step not used before; the step is then used up, on
	 * every node.
	 */
	private boolean acceptTotpOnce(AccountId account, String code, String state) {
		Optional<byte[]> sealed = this.jdbc
			.sql("SELECT secret_sealed FROM totp_credential WHERE account_id = ? AND " + state)
			.param(account.value())
			.query(byte[].class)
			.optional();
		if (sealed.isEmpty()) {
			return false;
		}
		byte[] secret = this.masterKey.open("totp-secret", sealed.get(), aad(account));
		OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			return false;
		}
		if (!this.ephemeral.putIfAbsent("totp-step:" + account.value() + ":" + step.getAsLong(), new byte[] { 1 },
				USED_STEP_TTL)) {
			log.debug("Refused a replayed TOTP step for account {}", account);
			return false;
		}
		return true;
	}

	private Optional<SecondFactor> spendRecoveryCode(AccountId account, String code) {
		return this.recoveryCodes.spend(account, code) ? Optional.of(SecondFactor.RECOVERY_CODE) : Optional.empty();
	}

	/**
	 * Only a six-digit code can be an SMS code: recovery codes must not use up the SMS
	 * challenge's attempts.
	 */
	private Optional<SecondFactor> verifySmsCode(AccountId account, String code) {
		if (OtpChallenges.typedCode(code).isEmpty() || !this.smsFactor.enrolled(account)) {
			return Optional.empty();
		}
		return (this.smsCodes.check(account, SmsCodes.Purpose.SIGN_IN, code) == OtpOutcome.ACCEPTED)
				? Optional.of(SecondFactor.SMS) : Optional.empty();
	}

	private static byte[] aad(AccountId account) {
		return account.value().toString().getBytes(StandardCharsets.US_ASCII);
	}

}
