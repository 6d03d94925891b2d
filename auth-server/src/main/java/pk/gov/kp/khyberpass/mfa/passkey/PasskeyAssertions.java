package pk.gov.kp.khyberpass.mfa.passkey;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.AccountStatus;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyCeremonies.VerifiedAssertion;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyChallenges.Purpose;
import pk.gov.kp.khyberpass.protection.SignInThrottle;

/**
 * Signing in with a passkey alone (a discoverable credential: the passkey names the
 * account) and stepping a password session up with one. Sign-in goes through the same
 * {@link SignInThrottle} as passwords, keyed by the account's CNIC when the passkey is
 * known and by the credential id otherwise (the client address is counted either way);
 * step-up failures are counted per account. An account waiting for a forced password
 * reset is refused both, as its password is. Every refusal is audited.
 */
final class PasskeyAssertions {

	private static final Logger log = LoggerFactory.getLogger(PasskeyAssertions.class);

	private final PasskeyRepository repository;

	private final PasskeyCeremonies ceremonies;

	private final AccountService accounts;

	private final SignInThrottle throttle;

	private final PasskeyNotifications notifications;

	private final EphemeralStore ephemeral;

	private final PasskeyProperties properties;

	private final Clock clock;

	PasskeyAssertions(PasskeyRepository repository, PasskeyCeremonies ceremonies, AccountService accounts,
			SignInThrottle throttle, PasskeyNotifications notifications, EphemeralStore ephemeral,
			PasskeyProperties properties, Clock clock) {
		this.repository = repository;
		this.ceremonies = ceremonies;
		this.accounts = accounts;
		this.throttle = throttle;
		this.notifications = notifications;
		this.ephemeral = ephemeral;
		this.properties = properties;
		this.clock = clock;
	}

	/** Options for a discoverable sign-in: no account named, no credentials listed. */
	PasskeyOptions.Request startSignIn() {
		return request(this.ceremonies.challenges().issue(Purpose.SIGN_IN, null), List.of());
	}

	/** Options for stepping {@code account} up: only its own passkeys are allowed. */
	PasskeyOptions.Request startStepUp(AccountId account, List<PasskeyOptions.Descriptor> passkeys) {
		return request(this.ceremonies.challenges().issue(Purpose.STEP_UP, account), passkeys);
	}

	/**
	 * Verifies a sign-in assertion.
	 * @return the account it signs in to (active, no forced password reset waiting)
	 * @throws PasskeyRefusedException if the assertion or the account is refused (reason
	 * {@link PasskeyRefusedException#PASSWORD_RESET_REQUIRED} for a genuine passkey of an
	 * account that must recover its password first)
	 * @throws pk.gov.kp.khyberpass.protection.SignInThrottledException if sign-in must
	 * wait
	 */
	Account signIn(PasskeyJson.Assertion assertion, String clientAddress) {
		Optional<StoredPasskey> known = Optional.ofNullable(assertion.rawId())
			.filter((rawId) -> rawId.length() <= 1400)
			.flatMap((rawId) -> decode(rawId).flatMap(this.repository::findByCredentialId));
		Optional<Account> owner = known.flatMap((passkey) -> this.accounts.findById(passkey.account()));
		String throttleName = owner.map((account) -> account.cnic().formatted())
			.orElse("passkey-credential:" + assertion.rawId());
		this.throttle.checkAllowed(throttleName, clientAddress);
		Account account;
		try {
			VerifiedAssertion verified = this.ceremonies.verifyAssertion(assertion, Purpose.SIGN_IN, null,
					this.repository::findByCredentialId);
			account = this.accounts.findById(verified.passkey().account())
				.filter((found) -> found.status() == AccountStatus.ACTIVE)
				.orElseThrow(() -> new PasskeyRefusedException("account-not-active"));
			recordUse(verified);
		}
		catch (PasskeyRefusedException ex) {
			this.throttle.recordFailure(throttleName, clientAddress);
			this.notifications.refused(owner.map((found) -> found.id().toString()).orElse(null), "sign-in",
					ex.reason());
			log.debug("Refused a passkey sign-in: {}", ex.reason());
			throw ex;
		}
		// a genuine passkey, so not a failure to count (as a right password after a
		// forced reset is not)
		requireNoPasswordReset(account, "sign-in");
		this.throttle.recordSuccess(throttleName);
		this.notifications.signedIn(account);
		log.debug("Signed in account {} with a passkey", account.id());
		return account;
	}

	/**
	 * Verifies a step-up assertion by one of {@code account}'s passkeys.
	 * @throws PasskeyRefusedException if refused, with reason {@code throttled} after too
	 * many refusals and {@link PasskeyRefusedException#PASSWORD_RESET_REQUIRED} when the
	 * account must recover its password first
	 */
	void stepUp(Account account, PasskeyJson.Assertion assertion) {
		requireNoPasswordReset(account, "step-up");
		String failures = "passkey-fail:" + account.id().value();
		if (this.ephemeral.count(failures) >= this.properties.maxStepUpFailures()) {
			this.notifications.refused(account.id().toString(), "step-up", "throttled");
			throw new PasskeyRefusedException("throttled");
		}
		try {
			recordUse(this.ceremonies.verifyAssertion(assertion, Purpose.STEP_UP, account.id(),
					this.repository::findByCredentialId));
			this.ephemeral.delete(failures);
			this.notifications.steppedUp(account);
		}
		catch (PasskeyRefusedException ex) {
			this.ephemeral.increment(failures, this.properties.failureWindow());
			this.notifications.refused(account.id().toString(), "step-up", ex.reason());
			log.debug("Refused a passkey step-up for account {}: {}", account.id(), ex.reason());
			throw ex;
		}
	}

	/**
	 * Refuses an account whose password an administrator expired: until the citizen
	 * recovers it, a passkey signs in no more than the password does.
	 */
	private void requireNoPasswordReset(Account account, String ceremony) {
		if (account.passwordResetRequired()) {
			this.notifications.refused(account.id().toString(), ceremony,
					PasskeyRefusedException.PASSWORD_RESET_REQUIRED);
			log.debug("Refused a passkey {} for account {}: a password reset is required", ceremony, account.id());
			throw new PasskeyRefusedException(PasskeyRefusedException.PASSWORD_RESET_REQUIRED);
		}
	}

	/**
	 * Stores the new counter; losing a race to another node with the same counter is a
	 * replay.
	 */
	private void recordUse(VerifiedAssertion verified) {
		StoredPasskey passkey = verified.passkey();
		if (!this.repository.recordUse(passkey.id(), passkey.signCount(), verified.signCount(), verified.backupState(),
				this.clock.instant())) {
			throw new PasskeyRefusedException("counter-race");
		}
	}

	private PasskeyOptions.Request request(byte[] challenge, List<PasskeyOptions.Descriptor> allowed) {
		return new PasskeyOptions.Request(Passkeys.encode(challenge), this.ceremonies.relyingParty().id(),
				this.properties.challengeTtl().toMillis(), "required", allowed);
	}

	private static Optional<byte[]> decode(@Nullable String base64Url) {
		try {
			return Optional.ofNullable(base64Url).map(Base64.getUrlDecoder()::decode);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
