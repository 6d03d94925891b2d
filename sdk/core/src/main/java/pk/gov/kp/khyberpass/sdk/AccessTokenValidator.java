package pk.gov.kp.khyberpass.sdk;

import java.util.List;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;
import pk.gov.kp.khyberpass.sdk.SignedJwtVerifier.TokenKind;

/**
 * Validates JWT access tokens (RFC 9068 §4): {@code typ at+jwt}, the expected audience
 * and, when asked, the assurance level. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
final class AccessTokenValidator {

	private static final String KIND = "access token";

	private final SignedJwtVerifier verifier;

	private final String audience;

	AccessTokenValidator(SignedJwtVerifier verifier, String audience) {
		this.verifier = verifier;
		this.audience = audience;
	}

	VerifiedAccessToken validate(@Nullable String token, @Nullable AssuranceLevel minimumAcr) {
		SignedJwtVerifier.Verified verified = this.verifier.verify(token, TokenKind.ACCESS_TOKEN);
		JWTClaimsSet claims = verified.claims();
		List<String> audiences = claims.getAudience();
		if (!audiences.contains(this.audience)) {
			throw new InvalidTokenException(Reason.AUDIENCE,
					"The access token is for " + audiences + ", not for '" + this.audience + "'");
		}
		String subject = ClaimReader.required(claims, "sub", KIND);
		Optional<String> acr = ClaimReader.string(claims, "acr");
		AcrCheck.require(acr, minimumAcr, KIND);
		return new VerifiedAccessToken(subject, claims.getIssuer(), audiences, claims.getExpirationTime().toInstant(),
				claims.getIssueTime().toInstant(), ClaimReader.string(claims, "client_id"), acr,
				ClaimReader.stringList(claims, "amr"), ClaimReader.instant(claims, "auth_time"),
				ClaimReader.string(claims, "sid"), ClaimReader.scopes(claims), ClaimReader.string(claims, "jti"),
				verified.json());
	}

}
