package pk.gov.kp.khyberpass.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;
import pk.gov.kp.khyberpass.sdk.SignedJwtVerifier.TokenKind;

/**
 * Validates back-channel logout tokens: {@code typ logout+jwt} (or none), audience, the
 * back-channel logout event, no {@code nonce}, a {@code sub} or {@code sid}, and a
 * {@code jti} not seen before. Thread-safe.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation">OIDC
 * Back-Channel Logout §2.6</a>
 */
final class LogoutTokenValidator {

	static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private static final String KIND = "logout token";

	private final SignedJwtVerifier verifier;

	private final String clientId;

	private final ReplayStore replayStore;

	LogoutTokenValidator(SignedJwtVerifier verifier, String clientId, ReplayStore replayStore) {
		this.verifier = verifier;
		this.clientId = clientId;
		this.replayStore = replayStore;
	}

	VerifiedLogoutToken validate(@Nullable String token) {
		JWTClaimsSet claims = this.verifier.verify(token, TokenKind.LOGOUT_TOKEN).claims();
		List<String> audience = claims.getAudience();
		if (!audience.contains(this.clientId)) {
			throw new InvalidTokenException(Reason.AUDIENCE,
					"The logout token is for " + audience + ", not for client '" + this.clientId + "'");
		}
		Object events = claims.getClaim("events");
		if (!(events instanceof Map<?, ?> map) || !(map.get(BACKCHANNEL_LOGOUT_EVENT) instanceof Map)) {
			throw new InvalidTokenException(Reason.LOGOUT_EVENT,
					"The logout token's 'events' claim lacks " + BACKCHANNEL_LOGOUT_EVENT);
		}
		if (claims.getClaim("nonce") != null) {
			throw new InvalidTokenException(Reason.NONCE,
					"The logout token carries a nonce, which is forbidden (is it an ID token?)");
		}
		Optional<String> subject = ClaimReader.string(claims, "sub");
		Optional<String> sessionId = ClaimReader.string(claims, "sid");
		if (subject.isEmpty() && sessionId.isEmpty()) {
			throw new InvalidTokenException(Reason.MISSING_CLAIM, "The logout token names neither 'sub' nor 'sid'");
		}
		String jwtId = ClaimReader.required(claims, "jti", KIND);
		Duration skew = this.verifier.clockSkew();
		if (!firstUse(jwtId, claims.getExpirationTime().toInstant().plus(skew))) {
			throw new InvalidTokenException(Reason.REPLAY, "The logout token (jti) was already used");
		}
		return new VerifiedLogoutToken(claims.getIssuer(), subject, sessionId, jwtId,
				claims.getIssueTime().toInstant());
	}

	/**
	 * A shared store that fails refuses the token as "try again later", never accepts it
	 * unchecked.
	 */
	private boolean firstUse(String jwtId, Instant expiresAt) {
		try {
			return this.replayStore.firstUse(jwtId, expiresAt);
		}
		catch (KhyberPassClientException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new KhyberPassClientException("The logout token replay store failed (" + ex.getClass().getSimpleName()
					+ "); check that the shared store is reachable", ex);
		}
	}

}
