package pk.gov.kp.khyberpass.mfa.passkey;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The JSON the browser posts after {@code navigator.credentials.create/get}: the WebAuthn
 * Level 3 {@code toJSON()} shape, binary fields base64url-encoded.
 */
public final class PasskeyJson {

	private PasskeyJson() {
	}

	/**
	 * A new passkey and the name the citizen gave it.
	 *
	 * @param name the citizen's name for it
	 * @param credential the public key credential
	 */
	public record Registration(@Nullable String name, @Nullable Attestation credential) {
	}

	/**
	 * {@code PublicKeyCredential} from {@code create()}.
	 *
	 * @param rawId the credential id
	 * @param response the attestation response
	 */
	public record Attestation(@Nullable String rawId, @Nullable AttestationResponse response) {
	}

	/**
	 * {@code AuthenticatorAttestationResponse}.
	 *
	 * @param clientDataJSON the client data
	 * @param attestationObject the attestation object (CBOR)
	 * @param transports the transports the authenticator reported
	 */
	public record AttestationResponse(@Nullable String clientDataJSON, @Nullable String attestationObject,
			@Nullable List<String> transports) {
	}

	/**
	 * {@code PublicKeyCredential} from {@code get()}.
	 *
	 * @param rawId the credential id
	 * @param response the assertion response
	 */
	public record Assertion(@Nullable String rawId, @Nullable AssertionResponse response) {
	}

	/**
	 * {@code AuthenticatorAssertionResponse}.
	 *
	 * @param clientDataJSON the client data
	 * @param authenticatorData the authenticator data
	 * @param signature the signature over the authenticator data and the client data hash
	 * @param userHandle the user handle (always present for a discoverable credential)
	 */
	public record AssertionResponse(@Nullable String clientDataJSON, @Nullable String authenticatorData,
			@Nullable String signature, @Nullable String userHandle) {
	}

}
