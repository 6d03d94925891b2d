package pk.gov.kp.khyberpass.oidc;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * A department's own public keys, registered inline (RFC 7591 {@code jwks}) instead of at
 * a {@code jwks_uri}, to verify its {@code private_key_jwt} client assertions (RS256 or
 * ES256). Only public signing keys are accepted: RSA of at least 2048 bits or EC P-256,
 * one to {@value #MAX_KEYS} of them in at most {@value #MAX_LENGTH} characters; a private
 * or symmetric key is refused, since the server must never hold a department's secret key
 * material.
 *
 * @param json the key set as canonical JSON (public members only)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2 (jwks)</a>
 */
public record ClientJwks(String json) {

	/** The most keys a client may register at once (a current key and its successors). */
	public static final int MAX_KEYS = 5;

	private static final String SETTING = "jwks";

	/** The longest key set accepted, as canonical JSON (five RSA 4096-bit keys fit). */
	public static final int MAX_LENGTH = 8000;

	/**
	 * JWK members that carry private or symmetric key material (RFC 7518 §6.2.2, §6.3.2,
	 * §6.4).
	 */
	private static final Set<String> SECRET_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

	public ClientJwks {
		json = canonical(parseObject(json));
	}

	/**
	 * A key set from its JSON text.
	 * @throws InvalidClientSettingException naming {@code jwks} when it is not an
	 * acceptable public key set
	 */
	public static ClientJwks parse(String json) {
		return new ClientJwks(json);
	}

	/**
	 * A key set from its JSON object, as a JSON or YAML reader gives it.
	 * @throws InvalidClientSettingException naming {@code jwks} when it is not an
	 * acceptable public key set
	 */
	public static ClientJwks of(Map<String, Object> document) {
		return new ClientJwks(canonical(document));
	}

	/** The keys. */
	public JWKSet keySet() {
		try {
			return JWKSet.parse(this.json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a validated key set no longer parses", ex);
		}
	}

	/** The key set as a JSON object (public members only), for a JSON response. */
	public Map<String, Object> toJsonObject() {
		return keySet().toJSONObject(true);
	}

	private static Map<String, Object> parseObject(String json) {
		try {
			return JSONObjectUtils.parse(json);
		}
		catch (ParseException ex) {
			throw new InvalidClientSettingException(SETTING,
					"jwks must be a JSON Web Key Set: a JSON object with " + "a \"keys\" array");
		}
	}

	private static String canonical(Map<String, Object> document) {
		Object keys = document.get("keys");
		if (!(keys instanceof List<?> list) || list.isEmpty() || list.size() > MAX_KEYS) {
			throw new InvalidClientSettingException(SETTING,
					"jwks must have a \"keys\" array of 1 to " + MAX_KEYS + " public keys");
		}
		for (Object key : list) {
			if (key instanceof Map<?, ?> members && members.keySet().stream().anyMatch(SECRET_MEMBERS::contains)) {
				throw new InvalidClientSettingException(SETTING,
						"jwks must hold public keys only: a private or symmetric key was given");
			}
		}
		JWKSet set;
		try {
			set = JWKSet.parse(document);
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidClientSettingException(SETTING,
					"jwks is not a valid JSON Web Key Set: " + ex.getMessage());
		}
		for (JWK key : set.getKeys()) {
			requireAcceptable(key);
		}
		String canonical = set.toString(true);
		if (canonical.length() > MAX_LENGTH) {
			throw new InvalidClientSettingException(SETTING,
					"jwks must be at most " + MAX_LENGTH + " characters of JSON");
		}
		return canonical;
	}

	private static void requireAcceptable(JWK key) {
		if (key.isPrivate()) {
			throw new InvalidClientSettingException(SETTING,
					"jwks must hold public keys only: a private or symmetric key was given");
		}
		if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
			throw new InvalidClientSettingException(SETTING, "jwks keys must be for signing (\"use\": \"sig\")");
		}
		if (key instanceof RSAKey rsa) {
			if (rsa.size() < 2048) {
				throw new InvalidClientSettingException(SETTING, "jwks RSA keys must have at least 2048 bits");
			}
		}
		else if (key instanceof ECKey ec) {
			if (!Curve.P_256.equals(ec.getCurve())) {
				throw new InvalidClientSettingException(SETTING, "jwks EC keys must be on the P-256 curve (ES256)");
			}
		}
		else {
			throw new InvalidClientSettingException(SETTING,
					"jwks keys must be RSA (RS256) or EC P-256 (ES256) public keys, not " + key.getKeyType());
		}
	}

}
