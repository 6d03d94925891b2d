package pk.gov.kp.khyberpass.mfa.passkey;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyCeremonies.NewPasskey;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyCeremonies.VerifiedAssertion;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyChallenges.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasskeyCeremoniesTests {

	private static final String ORIGIN = "https://id.kp.gov.pk";

	private static final String RP_ID = "id.kp.gov.pk";

	private static final AccountId ACCOUNT = new AccountId(UUID.fromString("6f1c1f0e-1c55-4d2a-9d7a-3c8e1f1d2b10"));

	private static final AccountId OTHER = new AccountId(UUID.fromString("0b7e9f6e-3a1d-4c3b-8f2e-1d2c3b4a5968"));

	private static final byte[] USER_HANDLE = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

	private PasskeyChallenges challenges;

	private PasskeyCeremonies ceremonies;

	private TestAuthenticator authenticator;

	@BeforeEach
	void setUp() {
		this.challenges = new PasskeyChallenges(new MapEphemeralStore(), new SecureRandom(), Duration.ofMinutes(5));
		this.ceremonies = new PasskeyCeremonies(RelyingParty.of(URI.create(ORIGIN)), this.challenges);
		this.authenticator = new TestAuthenticator().userHandle(USER_HANDLE);
	}

	@Test
	void relyingPartyWhenIssuerHasPortThenOriginKeepsItAndRpIdIsHost() {
		RelyingParty rp = RelyingParty.of(URI.create("http://localhost:8443"));

		assertThat(rp.id()).isEqualTo("localhost");
		assertThat(rp.origin().toString()).isEqualTo("http://localhost:8443");
	}

	@Test
	void verifyRegistrationWhenValidThenKeyCounterAndTransportsReturned() {
		byte[] challenge = this.challenges.issue(Purpose.REGISTRATION, ACCOUNT);

		NewPasskey passkey = this.ceremonies.verifyRegistration(
				this.authenticator.register(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV), ACCOUNT);

		assertThat(passkey.credentialId()).isEqualTo(this.authenticator.credentialId());
		assertThat(passkey.publicKeyCose()).isNotEmpty();
		assertThat(passkey.signCount()).isZero();
		assertThat(passkey.uvInitialized()).isTrue();
		assertThat(passkey.transports()).containsExactly("internal");
		assertThat(passkey.aaguid()).isEqualTo("00000000-0000-0000-0000-000000000000");
	}

	@Test
	void verifyRegistrationWhenOriginIsAnotherSiteThenRefused() {
		byte[] challenge = this.challenges.issue(Purpose.REGISTRATION, ACCOUNT);

		assertThatThrownBy(() -> this.ceremonies.verifyRegistration(
				this.authenticator.register(challenge, "https://id.kp-gov.pk.example", RP_ID, TestAuthenticator.UP_UV),
				ACCOUNT))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("BadOriginException");
	}

	@Test
	void verifyRegistrationWhenRpIdIsAnotherSiteThenRefused() {
		byte[] challenge = this.challenges.issue(Purpose.REGISTRATION, ACCOUNT);

		assertThatThrownBy(() -> this.ceremonies.verifyRegistration(
				this.authenticator.register(challenge, ORIGIN, "evil.example", TestAuthenticator.UP_UV), ACCOUNT))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("BadRpIdException");
	}

	@Test
	void verifyRegistrationWhenUserNotVerifiedThenRefused() {
		byte[] challenge = this.challenges.issue(Purpose.REGISTRATION, ACCOUNT);

		assertThatThrownBy(() -> this.ceremonies.verifyRegistration(
				this.authenticator.register(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_ONLY), ACCOUNT))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("UserNotVerifiedException");
	}

	@Test
	void verifyRegistrationWhenChallengeAnsweredTwiceThenSecondRefused() {
		byte[] challenge = this.challenges.issue(Purpose.REGISTRATION, ACCOUNT);
		PasskeyJson.Attestation response = this.authenticator.register(challenge, ORIGIN, RP_ID,
				TestAuthenticator.UP_UV);
		this.ceremonies.verifyRegistration(response, ACCOUNT);

		assertThatThrownBy(() -> this.ceremonies.verifyRegistration(response, ACCOUNT))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("challenge");
	}

	@Test
	void verifyRegistrationWhenChallengeWasIssuedToAnotherAccountThenRefused() {
		byte[] challenge = this.challenges.issue(Purpose.REGISTRATION, OTHER);

		assertThatThrownBy(() -> this.ceremonies.verifyRegistration(
				this.authenticator.register(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV), ACCOUNT))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("challenge");
	}

	@Test
	void verifyRegistrationWhenChallengeNeverIssuedThenRefused() {
		assertThatThrownBy(() -> this.ceremonies.verifyRegistration(
				this.authenticator.register(new byte[32], ORIGIN, RP_ID, TestAuthenticator.UP_UV), ACCOUNT))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("challenge");
	}

	@Test
	void verifyRegistrationWhenNotBase64ThenRefusedAsMalformed() {
		PasskeyJson.Attestation garbage = new PasskeyJson.Attestation("x",
				new PasskeyJson.AttestationResponse("%%%", "!!!", null));

		assertThatThrownBy(() -> this.ceremonies.verifyRegistration(garbage, ACCOUNT))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("malformed");
	}

	@Test
	void verifyAssertionWhenValidSignInThenPasskeyAndCounterReturned() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		VerifiedAssertion verified = this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1), Purpose.SIGN_IN,
				null, lookUp(stored));

		assertThat(verified.passkey().account()).isEqualTo(ACCOUNT);
		assertThat(verified.signCount()).isEqualTo(1);
	}

	@Test
	void verifyAssertionWhenOriginIsAnotherSiteThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(this.authenticator.assertion(challenge,
				"https://khyber-pass.example", RP_ID, TestAuthenticator.UP_UV, 1), Purpose.SIGN_IN, null,
				lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("BadOriginException");
	}

	@Test
	void verifyAssertionWhenRpIdIsAnotherSiteThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, "kp.gov.pk.example", TestAuthenticator.UP_UV, 1),
				Purpose.SIGN_IN, null, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("BadRpIdException");
	}

	@Test
	void verifyAssertionWhenChallengeReplayedThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);
		PasskeyJson.Assertion assertion = this.authenticator.assertion(challenge, ORIGIN, RP_ID,
				TestAuthenticator.UP_UV, 1);
		this.ceremonies.verifyAssertion(assertion, Purpose.SIGN_IN, null, lookUp(stored));

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(assertion, Purpose.SIGN_IN, null, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("challenge");
	}

	@Test
	void verifyAssertionWhenCounterDoesNotIncreaseThenRefused() {
		StoredPasskey stored = registered(7);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 7), Purpose.SIGN_IN,
				null, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("MaliciousCounterValueException");
	}

	@Test
	void verifyAssertionWhenCounterGoesBackThenRefused() {
		StoredPasskey stored = registered(7);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 3), Purpose.SIGN_IN,
				null, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("MaliciousCounterValueException");
	}

	@Test
	void verifyAssertionWhenAuthenticatorKeepsNoCounterThenZeroAccepted() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		VerifiedAssertion verified = this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 0), Purpose.SIGN_IN,
				null, lookUp(stored));

		assertThat(verified.signCount()).isZero();
	}

	@Test
	void verifyAssertionWhenUserNotVerifiedThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_ONLY, 1), Purpose.SIGN_IN,
				null, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("UserNotVerifiedException");
	}

	@Test
	void verifyAssertionWhenSignedByAnotherKeyThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);
		TestAuthenticator impostor = new TestAuthenticator().userHandle(USER_HANDLE);
		PasskeyJson.Assertion forged = impostor.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1);
		PasskeyJson.Assertion claimed = new PasskeyJson.Assertion(this.authenticator.credentialIdText(),
				forged.response());

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(claimed, Purpose.SIGN_IN, null, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("BadSignatureException");
	}

	@Test
	void verifyAssertionWhenStepUpWithAnotherAccountsPasskeyThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.STEP_UP, OTHER);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1), Purpose.STEP_UP,
				OTHER, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("other-account");
	}

	@Test
	void verifyAssertionWhenSignInChallengeUsedForStepUpThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1), Purpose.STEP_UP,
				ACCOUNT, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("challenge");
	}

	@Test
	void verifyAssertionWhenUserHandleNamesAnotherUserThenRefused() {
		StoredPasskey stored = registered(0);
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);
		this.authenticator.userHandle(new byte[] { 9, 9, 9 });

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1), Purpose.SIGN_IN,
				null, lookUp(stored)))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("user-handle");
	}

	@Test
	void verifyAssertionWhenCredentialUnknownThenRefused() {
		byte[] challenge = this.challenges.issue(Purpose.SIGN_IN, null);

		assertThatThrownBy(() -> this.ceremonies.verifyAssertion(
				this.authenticator.assertion(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV, 1), Purpose.SIGN_IN,
				null, (id) -> Optional.empty()))
			.isInstanceOf(PasskeyRefusedException.class)
			.extracting("reason")
			.isEqualTo("unknown-credential");
	}

	/**
	 * Registers the test authenticator for {@link #ACCOUNT} and stores it with the given
	 * counter.
	 */
	private StoredPasskey registered(long signCount) {
		byte[] challenge = this.challenges.issue(Purpose.REGISTRATION, ACCOUNT);
		NewPasskey passkey = this.ceremonies.verifyRegistration(
				this.authenticator.register(challenge, ORIGIN, RP_ID, TestAuthenticator.UP_UV), ACCOUNT);
		return new StoredPasskey(UUID.randomUUID(), ACCOUNT, USER_HANDLE, passkey.credentialId(),
				passkey.publicKeyCose(), signCount, true, false, false, passkey.transports(), passkey.aaguid(), "Phone",
				Instant.now(), null);
	}

	private static java.util.function.Function<byte[], Optional<StoredPasskey>> lookUp(StoredPasskey stored) {
		return (id) -> java.util.Arrays.equals(id, stored.credentialId()) ? Optional.of(stored) : Optional.empty();
	}

	/**
	 * The ephemeral store's contract over a map, without expiry (tests finish well within
	 * any TTL).
	 */
	static final class MapEphemeralStore implements EphemeralStore {

		private final Map<String, byte[]> values = new ConcurrentHashMap<>();

		@Override
		public void put(String key, byte[] value, Duration ttl) {
			this.values.put(key, value);
		}

		@Override
		public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
			return this.values.putIfAbsent(key, value) == null;
		}

		@Override
		public Optional<byte[]> get(String key) {
			return Optional.ofNullable(this.values.get(key));
		}

		@Override
		public Optional<byte[]> take(String key) {
			return Optional.ofNullable(this.values.remove(key));
		}

		@Override
		public void delete(String key) {
			this.values.remove(key);
		}

		@Override
		public long increment(String key, Duration ttl) {
			byte[] next = this.values.merge(key, "1".getBytes(),
					(old, one) -> String.valueOf(Long.parseLong(new String(old)) + 1).getBytes());
			return Long.parseLong(new String(next));
		}

	}

}
