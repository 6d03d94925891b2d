package pk.gov.kp.khyberpass.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;
import pk.gov.kp.khyberpass.sdk.SignedJwtVerifier.TokenKind;

/**
 * Validates ID tokens (OIDC Core §3.1.3.7): audience, {@code azp}, {@code nonce}, and
 * when asked the assurance level, {@code auth_time} and {@code at_hash}. Thread-safe.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation">OIDC Core
 * §3.1.3.7</a>
 */
final class IdTokenValidator {

	private static final String KIND = "ID token";

	private final SignedJwtVerifier verifier;

	private final String clientId;

	IdTokenValidator(SignedJwtVerifier verifier, String clientId) {
		this.verifier = verifier;
		this.clientId = clientId;
	}

	/**
	 * Validates an ID token.
	 * @param expectedNonce the nonce sent in the authorization request, or {@code null}
	 * for an ID token from a refresh (which need not carry one)
	 * @param accessToken the access token issued with it, to check {@code at_hash}, or
	 * {@code null}
	 */
	VerifiedIdToken validate(@Nullable String token, @Nullable String expectedNonce,
			@Nullable AssuranceLevel minimumAcr, @Nullable Duration maxAge, @Nullable String accessToken) {
		JWTClaimsSet claims = this.verifier.verify(token, TokenKind.ID_TOKEN).claims();
		List<String> audience = claims.getAudience();
		if (!audience.contains(this.clientId)) {
			throw new InvalidTokenException(Reason.AUDIENCE,
					"The ID token is for " + audience + ", not for client '" + this.clientId + "'");
		}
		Optional<String> azp = ClaimReader.string(claims, "azp");
		if ((audience.size() > 1 || azp.isPresent()) && !this.clientId.equals(azp.orElse(null))) {
			throw new InvalidTokenException(Reason.AZP, "The ID token's authorized party (azp) is '" + azp.orElse("")
					+ "', not client '" + this.clientId + "'");
		}
		String subject = ClaimReader.required(claims, "sub", KIND);
		checkNonce(claims, expectedNonce);
		Optional<String> acr = ClaimReader.string(claims, "acr");
		AcrCheck.require(acr, minimumAcr, KIND);
		Optional<Instant> authTime = ClaimReader.instant(claims, "auth_time");
		checkAuthTime(authTime, maxAge);
		if (accessToken != null) {
			checkAccessTokenHash(claims, accessToken);
		}
		return new VerifiedIdToken(token, subject, claims.getIssuer(), audience, claims.getExpirationTime().toInstant(),
				claims.getIssueTime().toInstant(), acr, ClaimReader.stringList(claims, "amr"), authTime,
				ClaimReader.string(claims, "sid"), ClaimReader.all(claims));
	}

	private static void checkNonce(JWTClaimsSet claims, @Nullable String expectedNonce) {
		if (expectedNonce == null) {
			return;
		}
		String nonce = ClaimReader.string(claims, "nonce").orElse("");
		if (!MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
				expectedNonce.getBytes(StandardCharsets.UTF_8))) {
			throw new InvalidTokenException(Reason.NONCE, "The ID token's nonce is missing or differs from the one "
					+ "saved with the authorization request (a replayed or injected token)");
		}
	}

	private void checkAuthTime(Optional<Instant> authTime, @Nullable Duration maxAge) {
		if (maxAge == null) {
			return;
		}
		Instant signedInAt = authTime.orElseThrow(() -> new InvalidTokenException(Reason.AUTH_TIME,
				"The ID token lacks auth_time although max_age was requested"));
		Instant oldestAccepted = this.verifier.clock().instant().minus(maxAge).minus(this.verifier.clockSkew());
		if (signedInAt.isBefore(oldestAccepted)) {
			throw new InvalidTokenException(Reason.AUTH_TIME,
					"The citizen signed in at " + signedInAt + ", longer ago than the requested max_age " + maxAge);
		}
	}

	private static void checkAccessTokenHash(JWTClaimsSet claims, String accessToken) {
		Optional<String> atHash = ClaimReader.string(claims, "at_hash");
		if (atHash.isEmpty()) {
			return;
		}
		try {
			// every allowed algorithm (ES256, RS256, PS256) uses SHA-256
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(accessToken.getBytes(StandardCharsets.US_ASCII));
			String expected = Base64URL.encode(Arrays.copyOf(digest, digest.length / 2)).toString();
			if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					atHash.get().getBytes(StandardCharsets.US_ASCII))) {
				throw new InvalidTokenException(Reason.AT_HASH,
						"The ID token's at_hash does not match the access token issued with it");
			}
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
