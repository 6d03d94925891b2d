package pk.gov.kp.khyberpass.mfa.passkey;

import java.util.List;

/**
 * The options the browser passes to {@code navigator.credentials.create/get}, in the
 * WebAuthn Level 3 JSON shape (binary values base64url-encoded), as the account and
 * sign-in pages fetch them.
 */
final class PasskeyOptions {

	private PasskeyOptions() {
	}

	record Creation(String challenge, Rp rp, User user, List<Parameter> pubKeyCredParams, long timeout,
			String attestation, Selection authenticatorSelection, List<Descriptor> excludeCredentials) {
	}

	record Request(String challenge, String rpId, long timeout, String userVerification,
			List<Descriptor> allowCredentials) {
	}

	record Rp(String id, String name) {
	}

	record User(String id, String name, String displayName) {
	}

	record Parameter(String type, long alg) {
	}

	/**
	 * Discoverable credential and user verification required: the passkey alone signs the
	 * citizen in.
	 */
	record Selection(String residentKey, boolean requireResidentKey, String userVerification) {

		static final Selection PASSKEY = new Selection("required", true, "required");

	}

	record Descriptor(String type, String id, List<String> transports) {
	}

}
