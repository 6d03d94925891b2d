package pk.gov.kp.khyberpass.sdk;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

/**
 * The checks every Khyber Pass JWT passes before its kind-specific rules (RFC 8725): a
 * compact JWS with an allowed algorithm, the expected {@code typ}, a key taken only from
 * the issuer's JWKS by {@code kid} (the {@code jku}, {@code x5u}, {@code jwk} and
 * {@code x5c} headers are never used), a valid signature, the exact issuer, and
 * {@code exp}, {@code nbf} and {@code iat} within the allowed clock skew. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725">RFC 8725</a>
 */
final class SignedJwtVerifier {

	static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256,
			JWSAlgorithm.PS256);

	/**
	 * Longest token accepted; far above any Khyber Pass token, it bounds parsing work.
	 */
	static final int MAX_TOKEN_LENGTH = 16 * 1024;

	static final Duration MAX_IAT_AHEAD = Duration.ofSeconds(60);

	private final String issuer;

	private final JwksCache keys;

	private final Clock clock;

	private final Duration clockSkew;

	SignedJwtVerifier(String issuer, JwksCache keys, Clock clock, Duration clockSkew) {
		this.issuer = issuer;
		this.keys = keys;
		this.clock = clock;
		this.clockSkew = clockSkew;
	}

	Clock clock() {
		return this.clock;
	}

	Duration clockSkew() {
		return this.clockSkew;
	}

	/**
	 * Verifies the token and returns its header and claims.
	 * @throws InvalidTokenException when a check fails
	 */
	Verified verify(@Nullable String token, TokenKind kind) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw new InvalidTokenException(Reason.MALFORMED,
					"The " + kind.description() + " is missing, empty or longer than " + MAX_TOKEN_LENGTH + " chars");
		}
		SignedJWT jwt = parse(token, kind);
		JWSHeader header = jwt.getHeader();
		JWSAlgorithm alg = header.getAlgorithm();
		if (!ALLOWED_ALGORITHMS.contains(alg)) {
			throw new InvalidTokenException(Reason.ALGORITHM,
					"The " + kind.description() + " uses alg " + alg + "; only ES256, RS256 and PS256 are accepted");
		}
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			throw new InvalidTokenException(Reason.MALFORMED,
					"The " + kind.description() + " has critical header parameters, none are supported");
		}
		kind.checkType(header.getType());
		VerificationKey key = this.keys.select(header.getKeyID(), alg);
		try {
			if (!key.verify(alg, jwt)) {
				throw new InvalidTokenException(Reason.SIGNATURE,
						"The " + kind.description() + " signature does not verify with the issuer's key");
			}
		}
		catch (JOSEException ex) {
			throw new InvalidTokenException(Reason.SIGNATURE,
					"The " + kind.description() + " signature cannot be verified: " + ex.getMessage(), ex);
		}
		Map<String, Object> json;
		JWTClaimsSet claims;
		try {
			// Parsed once: the claims set for the checks, the map for the caller's
			// claims().
			json = JSONObjectUtils
				.parse(new String(java.util.Base64.getUrlDecoder().decode(jwt.getParsedParts()[1].toString()),
						StandardCharsets.UTF_8));
			claims = JWTClaimsSet.parse(json);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTokenException(Reason.MALFORMED, "The " + kind.description() + " payload is not base64url",
					ex);
		}
		catch (ParseException ex) {
			throw new InvalidTokenException(Reason.MALFORMED,
					"The " + kind.description() + " payload is not a valid JWT claims set", ex);
		}
		if (!this.issuer.equals(claims.getIssuer())) {
			throw new InvalidTokenException(Reason.ISSUER, "The " + kind.description() + " was issued by '"
					+ claims.getIssuer() + "', expected '" + this.issuer + "'");
		}
		checkTimes(claims, kind);
		return new Verified(header, claims, json);
	}

	private SignedJWT parse(String token, TokenKind kind) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			// Only on this failure path: tell an unsigned or unknown-alg token from
			// garbage.
			String alg = headerAlgorithm(token);
			if (alg != null) {
				throw new InvalidTokenException(Reason.ALGORITHM, "The " + kind.description() + " uses alg '" + alg
						+ "'; only ES256, RS256 and PS256 are accepted", ex);
			}
			throw new InvalidTokenException(Reason.MALFORMED,
					"The " + kind.description() + " is not a compact signed JWT: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable String headerAlgorithm(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return null;
		}
		try {
			Map<String, Object> header = JSONObjectUtils.parse(new Base64URL(token.substring(0, dot)).decodeToString());
			Object alg = header.get("alg");
			return (alg instanceof String value && !ALLOWED_ALGORITHMS.contains(JWSAlgorithm.parse(value)))
					? sanitise(value) : null;
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
	}

	private static String sanitise(String value) {
		String shortened = (value.length() > 20) ? value.substring(0, 20) : value;
		return shortened.replaceAll("[^A-Za-z0-9+._-]", "?");
	}

	private void checkTimes(JWTClaimsSet claims, TokenKind kind) {
		Instant now = this.clock.instant();
		Date exp = claims.getExpirationTime();
		Date iat = claims.getIssueTime();
		Date nbf = claims.getNotBeforeTime();
		if (exp == null || iat == null) {
			throw new InvalidTokenException(Reason.MISSING_CLAIM,
					"The " + kind.description() + " lacks the required 'exp' or 'iat' claim");
		}
		if (now.minus(this.clockSkew).isAfter(exp.toInstant())) {
			throw new InvalidTokenException(Reason.EXPIRED,
					"The " + kind.description() + " expired at " + exp.toInstant() + " (now " + now + ")");
		}
		if (nbf != null && nbf.toInstant().isAfter(now.plus(this.clockSkew))) {
			throw new InvalidTokenException(Reason.NOT_YET_VALID,
					"The " + kind.description() + " is not valid before " + nbf.toInstant() + " (now " + now + ")");
		}
		if (iat.toInstant().isAfter(now.plus(MAX_IAT_AHEAD))) {
			throw new InvalidTokenException(Reason.NOT_YET_VALID,
					"The " + kind.description() + " claims to be issued at " + iat.toInstant()
							+ ", more than 60 s after now (" + now + "); check both clocks");
		}
	}

	/**
	 * A token whose signature, issuer and times were verified.
	 *
	 * @param header the JWS header
	 * @param claims the claims
	 * @param json the claims as parsed from the payload (numbers for times); not to be
	 * modified
	 */
	record Verified(JWSHeader header, JWTClaimsSet claims, Map<String, Object> json) {

	}

	/**
	 * The kinds of token, with the {@code typ} each must (or must not) carry (RFC 8725
	 * §3.11).
	 */
	enum TokenKind {

		ID_TOKEN("ID token") {
			@Override
			void checkType(@Nullable JOSEObjectType type) {
				String typ = normalise(type);
				if (typ != null && !typ.equals("jwt")) {
					throw new InvalidTokenException(Reason.TYPE,
							"The ID token has typ '" + sanitise(typ) + "'; an ID token is typed JWT or not typed");
				}
			}
		},

		ACCESS_TOKEN("access token") {
			@Override
			void checkType(@Nullable JOSEObjectType type) {
				if (!"at+jwt".equals(normalise(type))) {
					throw new InvalidTokenException(Reason.TYPE,
							"The access token is not typed at+jwt (RFC 9068 §2.1); was it an ID token?");
				}
			}
		},

		LOGOUT_TOKEN("logout token") {
			@Override
			void checkType(@Nullable JOSEObjectType type) {
				String typ = normalise(type);
				if (typ != null && !typ.equals("logout+jwt")) {
					throw new InvalidTokenException(Reason.TYPE, "The logout token has typ '" + sanitise(typ)
							+ "'; a logout token is typed logout+jwt (OIDC Back-Channel Logout §2.4)");
				}
			}
		};

		private final String description;

		TokenKind(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

		abstract void checkType(@Nullable JOSEObjectType type);

		private static @Nullable String normalise(@Nullable JOSEObjectType type) {
			if (type == null) {
				return null;
			}
			String typ = type.getType().toLowerCase(Locale.ROOT);
			return typ.startsWith("application/") ? typ.substring("application/".length()) : typ;
		}

	}

}
