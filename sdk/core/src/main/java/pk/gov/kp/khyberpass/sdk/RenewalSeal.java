package pk.gov.kp.khyberpass.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * The names a refresh token about to be presented is known by in {@link SessionRenewals}:
 * an identifier for its entries, and a key that seals its renewal's outcome (a compact
 * JWE, {@code dir} with AES-256-GCM), each HMAC-SHA-256 keyed with the refresh token over
 * its own label. Refresh tokens carry at least 256 random bits, so neither gives the
 * token away, and only a holder of the token can open or forge an outcome. Immutable and
 * thread-safe.
 */
final class RenewalSeal {

	private static final JWEHeader HEADER = new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM);

	private final String id;

	private final byte[] key;

	private RenewalSeal(String id, byte[] key) {
		this.id = id;
		this.key = key;
	}

	static RenewalSeal of(String refreshToken) {
		return new RenewalSeal(Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(refreshToken, "id")),
				hmac(refreshToken, "key"));
	}

	/** The identifier of the renewal's entries: 43 base64url characters. */
	String id() {
		return this.id;
	}

	String seal(RenewalOutcome outcome) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (outcome instanceof RenewalOutcome.Renewed renewed) {
			SessionTokens tokens = renewed.tokens();
			json.put("outcome", "renewed");
			json.put("access_token", tokens.accessToken());
			tokens.expiresAt().ifPresent((at) -> json.put("expires_at", at.toEpochMilli()));
			json.put("received_at", tokens.receivedAt().toEpochMilli());
			json.put("refresh_token", tokens.refreshToken());
		}
		else if (outcome instanceof RenewalOutcome.Refused refused) {
			json.put("outcome", "refused");
			json.put("reason", refused.failure().getMessage());
		}
		else {
			json.put("outcome", "unavailable");
		}
		try {
			JWEObject jwe = new JWEObject(HEADER, new Payload(json));
			jwe.encrypt(new DirectEncrypter(this.key));
			return jwe.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("AES-256-GCM is not available", ex);
		}
	}

	/**
	 * Opens an outcome sealed with this token's key; the renewed tokens keep the current
	 * ones' subject.
	 * @throws KhyberPassClientException if it does not open (tampered, or not made with
	 * this key)
	 */
	RenewalOutcome open(String sealed, SessionTokens current) {
		Map<String, Object> json;
		try {
			JWEObject jwe = JWEObject.parse(sealed);
			jwe.decrypt(new DirectDecrypter(this.key));
			json = jwe.getPayload().toJSONObject();
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			throw new KhyberPassClientException("A shared renewal outcome does not open with its refresh token");
		}
		if (json == null) {
			throw new KhyberPassClientException("A shared renewal outcome holds no JSON object");
		}
		Object outcome = json.get("outcome");
		if ("renewed".equals(outcome)) {
			String accessToken = string(json, "access_token");
			Instant receivedAt = instant(json.get("received_at"));
			if (accessToken == null || receivedAt == null) {
				throw new KhyberPassClientException("A shared renewal outcome lacks the access token or its time");
			}
			return new RenewalOutcome.Renewed(current.renewed(accessToken, instant(json.get("expires_at")), receivedAt,
					string(json, "refresh_token")));
		}
		if ("refused".equals(outcome)) {
			return new RenewalOutcome.Refused(new SignInRequiredException("On another node: " + json.get("reason")));
		}
		return new RenewalOutcome.Unavailable(
				new KhyberPassClientException("Khyber Pass could not renew the access token a moment ago, on "
						+ "another node; the current access token has expired"));
	}

	private static @Nullable String string(Map<String, Object> json, String name) {
		try {
			return JSONObjectUtils.getString(json, name);
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static @Nullable Instant instant(@Nullable Object epochMillis) {
		return (epochMillis instanceof Number number) ? Instant.ofEpochMilli(number.longValue()) : null;
	}

	private static byte[] hmac(String refreshToken, String label) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(refreshToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(("khyberpass session renewal " + label).getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is always available", ex);
		}
	}

}
