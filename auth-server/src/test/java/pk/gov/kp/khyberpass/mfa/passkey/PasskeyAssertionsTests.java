package pk.gov.kp.khyberpass.mfa.passkey;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.AccountStatus;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyChallenges.Purpose;
import pk.gov.kp.khyberpass.protection.SignInThrottle;
import pk.gov.kp.khyberpass.protection.SignInThrottledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class PasskeyAssertionsTests {

	private static final String ORIGIN = "https://id.kp.gov.pk";

	private static final String RP_ID = "id.kp.gov.pk";

	private static final String ADDRESS = "203.0.113.7";

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static final byte[] USER_HANDLE = { 7, 7, 7, 7 };

	private final Cnic cnic = Cnic.parse("17301-1234567-2");

	private Account account;

	private PasskeyRepository repository;

	private AccountService accounts;

	private SignInThrottle throttle;

	private PasskeyNotifications notifications;

	private PasskeyChallenges challenges;

	private PasskeyAssertions assertions;

	private TestAuthenticator authenticator;

	private StoredPasskey stored;

	@BeforeEach
	void setUp() {
		this.account = account(AccountStatus.ACTIVE);
		this.repository = mock(PasskeyRepository.class);
		this.accounts = mock(AccountService.class);
		this.throttle = mock(SignInThrottle.class);
		this.notifications = mock(PasskeyNotifications.class);
		PasskeyCeremoniesTests.MapEphemeralStore ephemeral = new PasskeyCeremoniesTests.MapEphemeralStore();
		this.challenges = new PasskeyChallenges(ephemeral, new SecureRandom(), Duration.ofMinutes(5));
		PasskeyCeremonies ceremonies = new PasskeyCeremonies(RelyingParty.of(URI.create(ORIGIN)), this.challenges);
		this.assertions = new PasskeyAssertions(this.repository, ceremonies, this.accounts, this.throttle,
				this.notifications, ephemeral,
				new PasskeyProperties(Duration.ofMinutes(5), 10, 3, Duration.ofMinutes(15)),
				Clock.fixed(NOW, ZoneOffset.UTC));
		this.authenticator = new TestAuthenticator().userHandle(USER_HANDLE);
		PasskeyCeremonies.NewPasskey passkey = ceremonies.verifyRegistration(
				this.authenticator.register(this.challenges.issue(Purpose.REGISTRATION, this.account.id()), ORIGIN,
						RP_ID, TestAuthenticator.UP_UV),
				this.account.id());
		this.stored = new StoredPasskey(UUID.randomUUID(), this.account.id(), USER_HANDLE, passkey.credentialId(),
				passkey.publicKeyCose(), 0, true, false, false, passkey.transports(), passkey.aaguid(), "Phone", NOW,
				null);
		given(this.repository.findByCredentialId(any())).willReturn(Optional.of(this.stored));
		given(this.repository.recordUse(any(), anyLong(), anyLong(), anyBoolean(), any())).willReturn(true);
		given(this.accounts.findById(this.account.id())).willReturn(Optional.of(this.account));
	}

	@Test
	void signInWhenValidThenAccountReturnedCounterStoredAndThrottleCleared() {
		Account signedIn = this.assertions.signIn(signInAssertion(ORIGIN, 3), ADDRESS);

		assertThat(signedIn).isEqualTo(this.account);
		then(this.repository).should().recordUse(this.stored.id(), 0, 3, false, NOW);
		then(this.throttle).should().recordSuccess(this.cnic.formatted());
		then(this.notifications).should().signedIn(this.account);
	}

	@Test
	void signInWhenThrottledThenRefusedBeforeAnyCheck() {
		willThrow(new SignInThrottledException("wait", Duration.ofSeconds(1))).given(this.throttle)
			.checkAllowed(this.cnic.formatted(), ADDRESS);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);
		PasskeyJson.Assertion assertion = this.authenticator.assertion(challenge, ORIGIN, RP_ID,
				TestAuthenticator.UP_UV, 1);

		assertThatThrownBy(() -> this.assertions.signIn(assertion, ADDRESS))
			.isInstanceOf(SignInThrottledException.class);
		assertThat(this.challenges.take(challenge, Purpose.SIGN_IN, null)).as("challenge untouched").isTrue();
		then(this.repository).should(never()).recordUse(any(), anyLong(), anyLong(), anyBoolean(), any());
	}

	@Test
	void signInWhenOriginWrongThenFailureCountedForTheAccountAndAudited() {
		assertThatThrownBy(() -> this.assertions.signIn(signInAssertion("https://evil.example", 1), ADDRESS))
			.isInstanceOf(PasskeyRefusedException.class);

		then(this.throttle).should().recordFailure(this.cnic.formatted(), ADDRESS);
		then(this.notifications).should().refused(this.account.id().toString(), "sign-in", "BadOriginException");
	}

	@Test
	void signInWhenCredentialUnknownThenFailureCountedByCredentialAndAddress() {
		given(this.repository.findByCredentialId(any())).willReturn(Optional.empty());

		assertThatThrownBy(() -> this.assertions.signIn(signInAssertion(ORIGIN, 1), ADDRESS))
			.isInstanceOf(PasskeyRefusedException.class);

		then(this.throttle).should()
			.recordFailure("passkey-credential:" + this.authenticator.credentialIdText(), ADDRESS);
		then(this.notifications).should().refused(null, "sign-in", "unknown-credential");
	}

	@Test
	void signInWhenAccountLockedThenRefused() {
		given(this.accounts.findById(this.account.id())).willReturn(Optional.of(account(AccountStatus.LOCKED)));

		assertThatThrownBy(() -> this.assertions.signIn(signInAssertion(ORIGIN, 1), ADDRESS))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("account-not-active");
	}

	@Test
	void signInWhenPasswordResetForcedThenRefusedAuditedAndNotCountedAsAFailure() {
		given(this.accounts.findById(this.account.id())).willReturn(Optional.of(passwordResetForced()));

		assertThatThrownBy(() -> this.assertions.signIn(signInAssertion(ORIGIN, 1), ADDRESS))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo(PasskeyRefusedException.PASSWORD_RESET_REQUIRED);
		then(this.notifications).should()
			.refused(this.account.id().toString(), "sign-in", PasskeyRefusedException.PASSWORD_RESET_REQUIRED);
		then(this.notifications).should(never()).signedIn(any());
		then(this.throttle).should(never()).recordFailure(any(), any());
		then(this.throttle).should(never()).recordSuccess(any());
	}

	@Test
	void stepUpWhenPasswordResetForcedThenRefusedBeforeTheAssertionIsChecked() {
		byte[] challenge = this.challenges.issue(Purpose.STEP_UP, this.account.id());
		PasskeyJson.Assertion assertion = this.authenticator.assertion(challenge, ORIGIN, RP_ID,
				TestAuthenticator.UP_UV, 1);

		assertThatThrownBy(() -> this.assertions.stepUp(passwordResetForced(), assertion))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo(PasskeyRefusedException.PASSWORD_RESET_REQUIRED);
		then(this.notifications).should()
			.refused(this.account.id().toString(), "step-up", PasskeyRefusedException.PASSWORD_RESET_REQUIRED);
		then(this.notifications).should(never()).steppedUp(any());
		assertThat(this.challenges.take(challenge, Purpose.STEP_UP, this.account.id())).as("challenge untouched")
			.isTrue();
	}

	@Test
	void signInWhenAnotherNodeStoredTheSameCounterFirstThenRefused() {
		given(this.repository.recordUse(any(), anyLong(), anyLong(), anyBoolean(), any())).willReturn(false);

		assertThatThrownBy(() -> this.assertions.signIn(signInAssertion(ORIGIN, 1), ADDRESS))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("counter-race");
	}

	@Test
	void stepUpWhenTooManyRefusalsThenThrottledWithoutChecking() {
		for (int i = 0; i < 3; i++) {
			byte[] challenge = this.challenges.issue(Purpose.STEP_UP, this.account.id());
			assertThatThrownBy(() -> this.assertions.stepUp(this.account,
					this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_ONLY, 1)))
				.isInstanceOf(PasskeyRefusedException.class);
		}
		byte[] challenge = this.challenges.issue(Purpose.STEP_UP, this.account.id());

		assertThatThrownBy(() -> this.assertions.stepUp(this.account,
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("throttled");
		then(this.notifications).should().refused(this.account.id().toString(), "step-up", "throttled");
	}

	@Test
	void stepUpWhenValidThenAudited() {
		byte[] challenge = this.challenges.issue(Purpose.STEP_UP, this.account.id());

		this.assertions.stepUp(this.account,
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1));

		then(this.notifications).should().steppedUp(this.account);
	}

	private PasskeyJson.Assertion signInAssertion(String origin, long counter) {
		return this.authenticator.assertion(this.challenges.issue(Purpose.SIGN_IN, null), origin, RP_ID,
				TestAuthenticator.UP_UV, counter);
	}

	private Account account(AccountStatus status) {
		return account(status, false);
	}

	/** The same active account after an administrator forced a password reset. */
	private Account passwordResetForced() {
		return account(AccountStatus.ACTIVE, true);
	}

	private Account account(AccountStatus status, boolean passwordResetRequired) {
		AccountId id = new AccountId(UUID.fromString("6f1c1f0e-1c55-4d2a-9d7a-3c8e1f1d2b10"));
		return new Account(id, this.cnic, "Ayesha Khan", LocalDate.of(1990, 4, 12), new MobileNumber("+923001234567"),
				null, status, NOW, NOW, NOW, passwordResetRequired);
	}

}
