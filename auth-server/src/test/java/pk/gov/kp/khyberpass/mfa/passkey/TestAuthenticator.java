package pk.gov.kp.khyberpass.mfa.passkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;

/**
 * A software authenticator for tests: an ES256 key, a credential id and a user handle,
 * producing WebAuthn registration and assertion responses for any origin, RP ID, flags
 * and counter, so tests can build both good answers and each kind of bad one.
 */
final class TestAuthenticator {

	static final byte UP_UV = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);

	static final byte UP_ONLY = AuthenticatorData.BIT_UP;

	private static final ObjectConverter CONVERTER = new ObjectConverter();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final KeyPair keys;

	private final byte[] credentialId = new byte[16];

	private byte[] userHandle;

	TestAuthenticator() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		new SecureRandom().nextBytes(this.credentialId);
		this.userHandle = new byte[32];
	}

	byte[] credentialId() {
		return this.credentialId.clone();
	}

	String credentialIdText() {
		return BASE64URL.encodeToString(this.credentialId);
	}

	/** The user handle the next assertions carry (the one registration was given). */
	TestAuthenticator userHandle(byte[] handle) {
		this.userHandle = handle.clone();
		return this;
	}

	/**
	 * The response of {@code navigator.credentials.create()} with attestation
	 * {@code none}.
	 */
	PasskeyJson.Attestation register(byte[] challenge, String origin, String rpId, byte flags) {
		AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, this.credentialId,
				EC2COSEKey.create((ECPublicKey) this.keys.getPublic(), COSEAlgorithmIdentifier.ES256));
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = new AuthenticatorData<>(
				sha256(rpId.getBytes(StandardCharsets.UTF_8)), (byte) (flags | AuthenticatorData.BIT_AT), 0, attested);
		byte[] attestationObject = new AttestationObjectConverter(CONVERTER)
			.convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
		return new PasskeyJson.Attestation(credentialIdText(),
				new PasskeyJson.AttestationResponse(encode(clientData("webauthn.create", challenge, origin)),
						encode(attestationObject), List.of("internal")));
	}

	/**
	 * The response of {@code navigator.credentials.get()}, signed with this
	 * authenticator's key.
	 */
	PasskeyJson.Assertion assertion(byte[] challenge, String origin, String rpId, byte flags, long counter) {
		byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER)
			.convert(new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, counter));
		byte[] clientData = clientData("webauthn.get", challenge, origin);
		byte[] signature = sign(ByteBuffer.allocate(authenticatorData.length + 32)
			.put(authenticatorData)
			.put(sha256(clientData))
			.array());
		return new PasskeyJson.Assertion(credentialIdText(), new PasskeyJson.AssertionResponse(encode(clientData),
				encode(authenticatorData), encode(signature), encode(this.userHandle)));
	}

	static String encode(byte[] bytes) {
		return BASE64URL.encodeToString(bytes);
	}

	private static byte[] clientData(String type, byte[] challenge, String origin) {
		return ("{\"type\":\"" + type + "\",\"challenge\":\"" + encode(challenge) + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] sign(byte[] data) {
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(this.keys.getPrivate());
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
