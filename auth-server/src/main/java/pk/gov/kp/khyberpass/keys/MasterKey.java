package pk.gov.kp.khyberpass.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key that protects everything Khyber Pass stores encrypted: signing
 * keys, CNICs, TOTP secrets. Purpose-specific keys are derived from it with HKDF-SHA-256,
 * so a key derived for one purpose never decrypts another's data.
 * <p>
 * Sealed values carry the master key's id, so a later rotation of the master key can tell
 * which key sealed which row.
 */
public final class MasterKey {

	private static final int VERSION = 1;

	private static final int IV_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final byte[] key;

	private final String keyId;

	private final SecureRandom random;

	public MasterKey(byte[] key, SecureRandom random) {
		if (key.length != 32) {
			throw new IllegalArgumentException("The master key must be 32 bytes (256 bits), base64-encoded");
		}
		this.key = key.clone();
		this.keyId = HexFormat.of().formatHex(sha256(key), 0, 4);
		this.random = random;
	}

	/**
	 * The short public id of this master key (the first 4 bytes of its SHA-256), stored
	 * beside sealed data.
	 */
	public String keyId() {
		return this.keyId;
	}

	/**
	 * Derives a 256-bit key for one purpose (HKDF-SHA-256, RFC 5869, with the purpose as
	 * info).
	 */
	public SecretKey derive(String purpose, String algorithm) {
		byte[] prk = hmac("khyberpass-master-key".getBytes(StandardCharsets.UTF_8), this.key);
		byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
		byte[] okm = hmac(prk, ByteBuffer.allocate(info.length + 1).put(info).put((byte) 1).array());
		return new SecretKeySpec(okm, algorithm);
	}

	/** A keyed hash (HMAC-SHA-256) under the key derived for {@code purpose}. */
	public KeyedHash keyedHash(String purpose) {
		return new KeyedHash(derive(purpose, "HmacSHA256"));
	}

	/**
	 * Encrypts with AES-256-GCM under the key derived for {@code purpose};
	 * {@code associatedData} binds the ciphertext to its row (for example the record's
	 * id) so it cannot be moved to another.
	 */
	public byte[] seal(String purpose, byte[] plaintext, byte[] associatedData) {
		byte[] iv = new byte[IV_LENGTH];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, derive(purpose, "AES"), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData);
			byte[] ciphertext = cipher.doFinal(plaintext);
			byte[] id = HexFormat.of().parseHex(this.keyId);
			return ByteBuffer.allocate(1 + id.length + IV_LENGTH + ciphertext.length)
				.put((byte) VERSION)
				.put(id)
				.put(iv)
				.put(ciphertext)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Decrypts what {@link #seal} produced.
	 * @throws SealedValueException if the value was sealed under another master key, for
	 * another purpose or row, or was altered
	 */
	public byte[] open(String purpose, byte[] sealed, byte[] associatedData) {
		if (sealed.length < 1 + 4 + IV_LENGTH + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw new SealedValueException("Sealed value has an unknown format");
		}
		if (!HexFormat.of().formatHex(sealed, 1, 5).equals(this.keyId)) {
			throw new SealedValueException("Sealed value was sealed under master key "
					+ HexFormat.of().formatHex(sealed, 1, 5) + ", not the configured " + this.keyId);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, derive(purpose, "AES"),
					new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 5, 5 + IV_LENGTH)));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(sealed, 5 + IV_LENGTH, sealed.length - 5 - IV_LENGTH);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new SealedValueException("Sealed value failed authentication (altered, or another purpose or row)");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
