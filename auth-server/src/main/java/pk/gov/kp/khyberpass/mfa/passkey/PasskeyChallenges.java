package pk.gov.kp.khyberpass.mfa.passkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

/**
 * Ceremony challenges: 256 random bits, kept in the ephemeral store (every node sees
 * them) for a short time, bound to what they were issued for (registration, sign-in or
 * step-up, and the account), and taken atomically when an answer comes back, so each
 * challenge is answered at most once.
 */
final class PasskeyChallenges {

	enum Purpose {

		REGISTRATION, SIGN_IN, STEP_UP

	}

	private final EphemeralStore store;

	private final SecureRandom random;

	private final Duration ttl;

	PasskeyChallenges(EphemeralStore store, SecureRandom random, Duration ttl) {
		this.store = store;
		this.random = random;
		this.ttl = ttl;
	}

	byte[] issue(Purpose purpose, @Nullable AccountId account) {
		byte[] challenge = new byte[32];
		this.random.nextBytes(challenge);
		this.store.put(key(challenge), binding(purpose, account), this.ttl);
		return challenge;
	}

	/**
	 * Whether {@code challenge} was issued for this purpose and account and not answered
	 * before.
	 */
	boolean take(byte[] challenge, Purpose purpose, @Nullable AccountId account) {
		Optional<byte[]> bound = this.store.take(key(challenge));
		return bound.isPresent() && MessageDigest.isEqual(bound.get(), binding(purpose, account));
	}

	Duration ttl() {
		return this.ttl;
	}

	private static byte[] binding(Purpose purpose, @Nullable AccountId account) {
		return (purpose.name() + ":" + ((account != null) ? account.value() : "-")).getBytes(StandardCharsets.US_ASCII);
	}

	private static String key(byte[] challenge) {
		try {
			return "passkey-challenge:" + Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(challenge));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
