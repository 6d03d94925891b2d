package pk.gov.kp.khyberpass.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.KeyedHash;
import pk.gov.kp.khyberpass.keys.MasterKey;

/**
 * One-time codes sent to a mobile number (or an e-mail address being confirmed): six
 * digits from a {@link SecureRandom}, valid for a few minutes, a few attempts, single
 * use. Only a keyed hash of challenge id and code is kept, in the {@link EphemeralStore}
 * (shared by every node), and codes are compared in constant time. Sending is throttled
 * per mobile number or address (keyed by a hash of it, never the number itself), whatever
 * the code is for, so registration and the SMS second factor share one budget per number.
 */
public final class OtpChallenges {

	private static final int CODE_DIGITS = 6;

	private static final int CODE_BOUND = 1_000_000;

	private static final Duration HOUR = Duration.ofHours(1);

	private final EphemeralStore store;

	private final KeyedHash codeHash;

	private final KeyedHash mobileHash;

	private final SecureRandom random;

	private final OtpRules settings;

	public OtpChallenges(EphemeralStore store, MasterKey masterKey, SecureRandom random, OtpRules settings) {
		this.store = store;
		this.codeHash = masterKey.keyedHash("otp-challenge");
		this.mobileHash = masterKey.keyedHash("otp-throttle");
		this.random = random;
		this.settings = settings;
	}

	/**
	 * Issues a new code for {@code mobile}.
	 * @throws OtpThrottledException if a code went to this number less than the resend
	 * interval ago, or too many this hour
	 */
	public OtpChallenge issue(MobileNumber mobile) {
		return throttled(mobile.e164());
	}

	/**
	 * Issues a new code for an e-mail address, throttled per address exactly like codes
	 * to a mobile number.
	 * @throws OtpThrottledException if a code went to this address less than the resend
	 * interval ago, or too many this hour
	 */
	public OtpChallenge issue(EmailAddress email) {
		return throttled(email.value().toLowerCase(java.util.Locale.ROOT));
	}

	private OtpChallenge throttled(String recipient) {
		String throttle = this.mobileHash.base64Url(recipient);
		if (!this.store.putIfAbsent("otp-gap:" + throttle, new byte[] { 1 }, this.settings.resendInterval())) {
			throw new OtpThrottledException();
		}
		if (this.store.increment("otp-hour:" + throttle, HOUR) > this.settings.maxPerHour()) {
			throw new OtpThrottledException();
		}
		return newChallenge();
	}

	/**
	 * Issues a challenge whose code goes to no one. It answers wrong codes exactly like a
	 * real one (attempts, expiry), so a page can treat an unknown identity the same way
	 * as a known one without telling which.
	 */
	public OtpChallenge issueDecoy() {
		return newChallenge();
	}

	private OtpChallenge newChallenge() {
		byte[] id = new byte[32];
		this.random.nextBytes(id);
		String challengeId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
		String code = String.format("%0" + CODE_DIGITS + "d", this.random.nextInt(CODE_BOUND));
		this.store.put(key(challengeId), hash(challengeId, code), this.settings.ttl());
		return new OtpChallenge(challengeId, code);
	}

	/** The rules these codes follow. */
	public OtpRules rules() {
		return this.settings;
	}

	/**
	 * What a citizen typed as a code, with the spaces and hyphens they may type between
	 * digits removed, if it is six digits: the one format check of every page that asks
	 * for a code.
	 */
	public static Optional<String> typedCode(String typed) {
		String digits = typed.replaceAll("[\\s-]", "");
		return digits.matches("[0-9]{6}") ? Optional.of(digits) : Optional.empty();
	}

	/**
	 * Judges a submitted code. A right code uses the challenge up; the last allowed wrong
	 * code kills it.
	 */
	public OtpOutcome verify(String challengeId, String code) {
		Optional<byte[]> expected = this.store.get(key(challengeId));
		if (expected.isEmpty()) {
			return OtpOutcome.DEAD;
		}
		long attempt = this.store.increment("otp-tries:" + challengeId, this.settings.ttl());
		if (attempt > this.settings.maxAttempts()) {
			this.store.delete(key(challengeId));
			return OtpOutcome.DEAD;
		}
		if (MessageDigest.isEqual(expected.get(), hash(challengeId, code))) {
			// take: of two nodes verifying the same code at once, only one succeeds
			return this.store.take(key(challengeId)).isPresent() ? OtpOutcome.ACCEPTED : OtpOutcome.DEAD;
		}
		if (attempt == this.settings.maxAttempts()) {
			this.store.delete(key(challengeId));
			return OtpOutcome.DEAD;
		}
		return OtpOutcome.WRONG_CODE;
	}

	private static String key(String challengeId) {
		return "otp:" + challengeId;
	}

	private byte[] hash(String challengeId, String code) {
		return this.codeHash.of((challengeId + ":" + code).getBytes(StandardCharsets.UTF_8));
	}

}
