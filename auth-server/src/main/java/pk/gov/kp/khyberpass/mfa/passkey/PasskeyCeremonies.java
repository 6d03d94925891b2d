package pk.gov.kp.khyberpass.mfa.passkey;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.challenge.Challenge;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.mfa.passkey.PasskeyChallenges.Purpose;

/**
 * The two WebAuthn ceremonies, verified with WebAuthn4J (W3C WebAuthn Level 3 §7.1 and
 * §7.2): the challenge (issued by us, for this purpose and account, answered once), the
 * origin and RP ID hash, user presence and user verification (both required), the
 * algorithm, the signature, and the signature counter (an authenticator that keeps one
 * must show a higher value each time: a lower or equal one suggests a cloned key and is
 * refused). Attestation is {@code none}: we do not restrict authenticator models.
 *
 * @see <a href=
 * "https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential">WebAuthn §7.1</a>
 * @see <a href="https://www.w3.org/TR/webauthn-3/#sctn-verifying-assertion">WebAuthn
 * §7.2</a>
 */
final class PasskeyCeremonies {

	/**
	 * ES256 first (every platform authenticator), then EdDSA and RS256 (Windows Hello).
	 */
	static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

	private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

	private final WebAuthnManager manager;

	private final ObjectConverter converter = new ObjectConverter();

	private final RelyingParty relyingParty;

	private final PasskeyChallenges challenges;

	PasskeyCeremonies(RelyingParty relyingParty, PasskeyChallenges challenges) {
		this.relyingParty = relyingParty;
		this.challenges = challenges;
		this.manager = WebAuthnManager.createNonStrictWebAuthnManager(this.converter);
	}

	RelyingParty relyingParty() {
		return this.relyingParty;
	}

	PasskeyChallenges challenges() {
		return this.challenges;
	}

	/**
	 * Verifies a new passkey created for {@code account}.
	 * @throws PasskeyRefusedException if any check fails
	 */
	NewPasskey verifyRegistration(PasskeyJson.Attestation credential, AccountId account) {
		PasskeyJson.AttestationResponse response = required(credential.response());
		List<String> transports = (response.transports() != null) ? List.copyOf(response.transports()) : List.of();
		RegistrationData data;
		try {
			data = this.manager.parse(new RegistrationRequest(decode(response.attestationObject()),
					decode(response.clientDataJSON()), null, new HashSet<>(transports)));
		}
		catch (DataConversionException | IllegalArgumentException ex) {
			throw new PasskeyRefusedException("malformed");
		}
		Challenge challenge = takeChallenge(data.getCollectedClientData(), Purpose.REGISTRATION, account);
		try {
			this.manager.verify(data, new RegistrationParameters(serverProperty(challenge), ALGORITHMS, true, true));
		}
		catch (VerificationException ex) {
			throw new PasskeyRefusedException(ex.getClass().getSimpleName());
		}
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = data.getAttestationObject()
			.getAuthenticatorData();
		AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
		if (attested == null) {
			throw new PasskeyRefusedException("no-credential");
		}
		return new NewPasskey(attested.getCredentialId(),
				this.converter.getCborConverter().writeValueAsBytes(attested.getCOSEKey()),
				authenticatorData.getSignCount(), authenticatorData.isFlagUV(), authenticatorData.isFlagBE(),
				authenticatorData.isFlagBS(), transports, attested.getAaguid().getValue().toString());
	}

	/**
	 * Verifies an assertion. For sign-in {@code account} is {@code null} (the passkey
	 * names the account through its user handle); for step-up the passkey must belong to
	 * {@code account}.
	 * @param lookUp finds a stored passkey by credential id
	 * @throws PasskeyRefusedException if any check fails
	 */
	VerifiedAssertion verifyAssertion(PasskeyJson.Assertion assertion, Purpose purpose, @Nullable AccountId account,
			Function<byte[], Optional<StoredPasskey>> lookUp) {
		PasskeyJson.AssertionResponse response = required(assertion.response());
		byte[] credentialId = decode(assertion.rawId());
		byte[] userHandle = (response.userHandle() != null && !response.userHandle().isEmpty())
				? decode(response.userHandle()) : null;
		AuthenticationData data;
		try {
			data = this.manager
				.parse(new AuthenticationRequest(credentialId, userHandle, decode(response.authenticatorData()),
						decode(response.clientDataJSON()), null, decode(response.signature())));
		}
		catch (DataConversionException | IllegalArgumentException ex) {
			throw new PasskeyRefusedException("malformed");
		}
		Challenge challenge = takeChallenge(data.getCollectedClientData(), purpose, account);
		StoredPasskey stored = lookUp.apply(credentialId)
			.orElseThrow(() -> new PasskeyRefusedException("unknown-credential"));
		if (account != null && !stored.account().equals(account)) {
			throw new PasskeyRefusedException("other-account");
		}
		if ((userHandle == null && purpose == Purpose.SIGN_IN)
				|| (userHandle != null && !java.util.Arrays.equals(userHandle, stored.userHandle()))) {
			throw new PasskeyRefusedException("user-handle");
		}
		try {
			this.manager.verify(data, new AuthenticationParameters(serverProperty(challenge), record(stored),
					List.of(stored.credentialId()), true, true));
		}
		catch (VerificationException ex) {
			throw new PasskeyRefusedException(ex.getClass().getSimpleName());
		}
		AuthenticatorData<?> authenticatorData = data.getAuthenticatorData();
		return new VerifiedAssertion(stored, authenticatorData.getSignCount(), authenticatorData.isFlagBS());
	}

	private Challenge takeChallenge(@Nullable CollectedClientData clientData, Purpose purpose,
			@Nullable AccountId account) {
		Challenge challenge = (clientData != null) ? clientData.getChallenge() : null;
		if (challenge == null || !this.challenges.take(challenge.getValue(), purpose, account)) {
			throw new PasskeyRefusedException("challenge");
		}
		return new DefaultChallenge(challenge.getValue());
	}

	private ServerProperty serverProperty(Challenge challenge) {
		return new ServerProperty(this.relyingParty.origin(), this.relyingParty.id(), challenge);
	}

	private CredentialRecordImpl record(StoredPasskey stored) {
		COSEKey key = this.converter.getCborConverter().readValue(stored.publicKeyCose(), COSEKey.class);
		Set<AuthenticatorTransport> transports = new HashSet<>();
		stored.transports().forEach((transport) -> transports.add(AuthenticatorTransport.create(transport)));
		return new CredentialRecordImpl(new NoneAttestationStatement(), stored.uvInitialized(), stored.backupEligible(),
				stored.backupState(), stored.signCount(),
				new AttestedCredentialData(new AAGUID(stored.aaguid()), stored.credentialId(), key), null, null, null,
				transports);
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new PasskeyRefusedException("malformed");
		}
		return value;
	}

	private static byte[] decode(@Nullable String base64Url) {
		if (base64Url == null || base64Url.length() > 16_384) {
			throw new PasskeyRefusedException("malformed");
		}
		try {
			return BASE64URL.decode(base64Url);
		}
		catch (IllegalArgumentException ex) {
			throw new PasskeyRefusedException("malformed");
		}
	}

	/**
	 * A verified new passkey.
	 *
	 * @param credentialId the credential id
	 * @param publicKeyCose the COSE public key
	 * @param signCount the initial counter
	 * @param uvInitialized whether the user was verified
	 * @param backupEligible whether it may be synced
	 * @param backupState whether it is synced
	 * @param transports reported transports
	 * @param aaguid the authenticator model
	 */
	record NewPasskey(byte[] credentialId, byte[] publicKeyCose, long signCount, boolean uvInitialized,
			boolean backupEligible, boolean backupState, List<String> transports, String aaguid) {
	}

	/**
	 * A verified assertion.
	 *
	 * @param passkey the passkey that signed
	 * @param signCount the counter it showed (to store)
	 * @param backupState whether it is synced now
	 */
	record VerifiedAssertion(StoredPasskey passkey, long signCount, boolean backupState) {
	}

}
