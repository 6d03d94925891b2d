package pk.gov.kp.khyberpass.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

/**
 * Client-credentials access tokens, which are never stored: verified from the JWT itself,
 * and revoked by putting their {@code jti} on a deny list in the ephemeral store until
 * they would have expired anyway.
 */
final class SelfContainedAccessTokens {

	private final JwtDecoder decoder;

	private final VerifiedSignatures verified;

	private final EphemeralStore ephemeral;

	private final Clock clock;

	SelfContainedAccessTokens(JwtDecoder decoder, VerifiedSignatures verified, EphemeralStore ephemeral, Clock clock) {
		this.decoder = decoder;
		this.verified = verified;
		this.ephemeral = ephemeral;
		this.clock = clock;
	}

	/**
	 * Whether the token has the shape of one of our client-credentials access tokens
	 * ({@code typ: at+jwt}, {@code sub} equal to {@code client_id}, a {@code jti}), read
	 * without verifying it: a cheap test that lets introspection skip the stored-token
	 * look-ups, which can never find such a token.
	 */
	boolean looksSelfContained(String token) {
		if (token.length() > 8192) {
			return false;
		}
		if (this.verified.remembers(token)) {
			// verified before, so it has that shape: no need to parse it again
			return true;
		}
		try {
			com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
			com.nimbusds.jwt.JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Object clientId = claims.getClaim("client_id");
			return jwt.getHeader().getType() != null && "at+jwt".equals(jwt.getHeader().getType().getType())
					&& clientId != null && clientId.equals(claims.getSubject()) && claims.getJWTID() != null;
		}
		catch (java.text.ParseException ex) {
			return false;
		}
	}

	/**
	 * The token's claims if it is a live, unrevoked client-credentials access token that
	 * we signed (its subject is the client itself). A token verified before is not
	 * verified again ({@link VerifiedSignatures}); the deny list is read every time.
	 */
	Optional<Jwt> verify(String token) {
		if (token.length() > 8192 || token.chars().filter((c) -> c == '.').count() != 2) {
			return Optional.empty();
		}
		Optional<Jwt> jwt = this.verified.find(token).or(() -> verifyInFull(token));
		return jwt.filter((verified) -> !isRevoked(verified.getId()));
	}

	private Optional<Jwt> verifyInFull(String token) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
		String clientId = jwt.getClaimAsString("client_id");
		boolean selfContained = "at+jwt".equals(jwt.getHeaders().get("typ")) && clientId != null
				&& clientId.equals(jwt.getSubject()) && jwt.getId() != null;
		if (!selfContained) {
			return Optional.empty();
		}
		this.verified.remember(jwt);
		return Optional.of(jwt);
	}

	void revoke(Jwt jwt) {
		Instant expiresAt = (jwt.getExpiresAt() != null) ? jwt.getExpiresAt() : this.clock.instant().plusSeconds(3600);
		Duration remaining = Duration.between(this.clock.instant(), expiresAt);
		if (!remaining.isNegative() && !remaining.isZero()) {
			this.ephemeral.put(denyKey(jwt.getId()), new byte[] { 1 }, remaining.plusSeconds(60));
		}
	}

	private boolean isRevoked(String jti) {
		return this.ephemeral.get(denyKey(jti)).isPresent();
	}

	private static String denyKey(String jti) {
		return "revoked-jti:" + jti;
	}

}
