package pk.gov.kp.khyberpass.cnic;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import pk.gov.kp.khyberpass.keys.KeyedHash;
import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.keys.SealedValueException;

/**
 * Protects CNICs at rest: AES-256-GCM under a key derived from the master key, bound to
 * the owning record's id, and a keyed blind index (HMAC-SHA-256 under a separately
 * derived key) to find and de-duplicate them without decrypting. An unkeyed hash would
 * not do: there are fewer than 10^13 CNICs.
 * <p>
 * Thread-safe.
 */
public final class CnicProtector {

	static final String SEAL_PURPOSE = "cnic";

	static final String BLIND_INDEX_PURPOSE = "cnic-blind-index";

	private final MasterKey masterKey;

	private final KeyedHash blindIndex;

	public CnicProtector(MasterKey masterKey) {
		this.masterKey = masterKey;
		this.blindIndex = masterKey.keyedHash(BLIND_INDEX_PURPOSE);
	}

	/**
	 * Encrypts a CNIC for storage in the row of {@code owner}.
	 * @param cnic the CNIC
	 * @param owner the id of the record that holds the ciphertext (the account id)
	 * @return the sealed bytes, which carry the master key id
	 */
	public byte[] encrypt(Cnic cnic, UUID owner) {
		return this.masterKey.seal(SEAL_PURPOSE, cnic.digits().getBytes(StandardCharsets.US_ASCII), aad(owner));
	}

	/**
	 * Decrypts what {@link #encrypt} produced for the same {@code owner}.
	 * @throws SealedValueException if the ciphertext was altered, moved from another row,
	 * or sealed under another master key
	 */
	public Cnic decrypt(byte[] ciphertext, UUID owner) {
		byte[] digits = this.masterKey.open(SEAL_PURPOSE, ciphertext, aad(owner));
		return new Cnic(new String(digits, StandardCharsets.US_ASCII));
	}

	/**
	 * The keyed blind index of a CNIC: 64 lower-case hex characters, stable for one
	 * master key.
	 */
	public String blindIndex(Cnic cnic) {
		return this.blindIndex.hex(cnic.digits());
	}

	/**
	 * The id of the master key that {@link #encrypt} seals under, to store beside the
	 * ciphertext.
	 */
	public String keyId() {
		return this.masterKey.keyId();
	}

	private static byte[] aad(UUID owner) {
		return owner.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
