package pk.gov.kp.khyberpass.cnic;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.keys.SealedValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CnicProtectorTests {

	private static final Cnic CNIC = Cnic.parse("17301-1234567-5");

	private final CnicProtector protector = new CnicProtector(masterKey((byte) 1));

	@Test
	void decryptWhenEncryptedForSameOwnerThenReturnsCnic() {
		UUID owner = UUID.randomUUID();

		byte[] sealed = this.protector.encrypt(CNIC, owner);

		assertThat(this.protector.decrypt(sealed, owner)).isEqualTo(CNIC);
	}

	@Test
	void encryptWhenCalledThenCiphertextHoldsNoDigits() {
		byte[] sealed = this.protector.encrypt(CNIC, UUID.randomUUID());

		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("1234567");
	}

	@Test
	void encryptWhenCalledTwiceThenCiphertextsDiffer() {
		UUID owner = UUID.randomUUID();

		assertThat(this.protector.encrypt(CNIC, owner)).isNotEqualTo(this.protector.encrypt(CNIC, owner));
	}

	@Test
	void decryptWhenOtherOwnerThenThrowsSealedValueException() {
		byte[] sealed = this.protector.encrypt(CNIC, UUID.randomUUID());

		assertThatThrownBy(() -> this.protector.decrypt(sealed, UUID.randomUUID()))
			.isInstanceOf(SealedValueException.class);
	}

	@Test
	void decryptWhenAlteredThenThrowsSealedValueException() {
		UUID owner = UUID.randomUUID();
		byte[] sealed = this.protector.encrypt(CNIC, owner);
		sealed[sealed.length - 1] ^= 1;

		assertThatThrownBy(() -> this.protector.decrypt(sealed, owner)).isInstanceOf(SealedValueException.class);
	}

	@Test
	void decryptWhenOtherMasterKeyThenThrowsSealedValueException() {
		UUID owner = UUID.randomUUID();
		byte[] sealed = new CnicProtector(masterKey((byte) 2)).encrypt(CNIC, owner);

		assertThatThrownBy(() -> this.protector.decrypt(sealed, owner)).isInstanceOf(SealedValueException.class);
	}

	@Test
	void blindIndexWhenSameCnicThenSameHex() {
		String index = this.protector.blindIndex(CNIC);

		assertThat(index).matches("[0-9a-f]{64}").isEqualTo(this.protector.blindIndex(Cnic.parse("1730112345675")));
	}

	@Test
	void blindIndexWhenOtherCnicThenDiffers() {
		assertThat(this.protector.blindIndex(CNIC))
			.isNotEqualTo(this.protector.blindIndex(Cnic.parse("17301-1234567-4")));
	}

	@Test
	void blindIndexWhenOtherMasterKeyThenDiffers() {
		assertThat(this.protector.blindIndex(CNIC))
			.isNotEqualTo(new CnicProtector(masterKey((byte) 2)).blindIndex(CNIC));
	}

	@Test
	void blindIndexWhenComputedThenIsNotUnkeyedSha256() throws Exception {
		String unkeyed = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(CNIC.digits().getBytes()));

		assertThat(this.protector.blindIndex(CNIC)).isNotEqualTo(unkeyed);
	}

	@Test
	void keyIdWhenCalledThenIsMasterKeyId() {
		MasterKey masterKey = masterKey((byte) 3);

		assertThat(new CnicProtector(masterKey).keyId()).isEqualTo(masterKey.keyId());
	}

	private static MasterKey masterKey(byte fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, fill);
		return new MasterKey(key, new SecureRandom());
	}

}
