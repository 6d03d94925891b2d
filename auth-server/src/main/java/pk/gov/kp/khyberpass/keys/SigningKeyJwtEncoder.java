package pk.gov.kp.khyberpass.keys;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.util.StringUtils;

/**
 * Signs JWTs with this node's {@code ACTIVE} key of the algorithm the JWS header names
 * (ES256 when there is no header), through Bouncy Castle. The JWS header carries
 * {@code alg}, {@code kid}, and the requested {@code typ}, {@code cty} and private
 * parameters; other requested key-identifying parameters are replaced.
 */
final class SigningKeyJwtEncoder implements JwtEncoder {

	private static final JwsHeader DEFAULT_HEADER = JwsHeader.with(SignatureAlgorithm.ES256).build();

	private final SigningKeys signingKeys;

	SigningKeyJwtEncoder(SigningKeys signingKeys) {
		this.signingKeys = signingKeys;
	}

	@Override
	public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
		JwsHeader requested = (parameters.getJwsHeader() != null) ? parameters.getJwsHeader() : DEFAULT_HEADER;
		SigningAlgorithm algorithm = algorithm(requested.getAlgorithm());
		KeyRing.ActiveKey key = this.signingKeys.active(algorithm);
		JwsHeader headers = header(requested, algorithm, key.kid());
		JwtClaimsSet claims = parameters.getClaims();
		SignedJWT jwt = new SignedJWT(convert(headers), convert(claims));
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException ex) {
			throw new JwtEncodingException("Could not sign the JWT with key " + key.kid(), ex);
		}
		return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), headers.getHeaders(),
				claims.getClaims());
	}

	private static SigningAlgorithm algorithm(JwsAlgorithm requested) {
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			if (algorithm.signatureAlgorithm().getName().equals(requested.getName())) {
				return algorithm;
			}
		}
		throw new JwtEncodingException("Unsupported JWS algorithm " + requested.getName() + "; use ES256 or RS256");
	}

	private static JwsHeader header(JwsHeader requested, SigningAlgorithm algorithm, String kid) {
		JwsHeader.Builder builder = JwsHeader.with(algorithm.signatureAlgorithm()).keyId(kid);
		if (StringUtils.hasText(requested.getType())) {
			builder.type(requested.getType());
		}
		if (StringUtils.hasText(requested.getContentType())) {
			builder.contentType(requested.getContentType());
		}
		requested.getHeaders().forEach((name, value) -> {
			if (!JWSHeader.getRegisteredParameterNames().contains(name)) {
				builder.header(name, value);
			}
		});
		return builder.build();
	}

	private static JWSHeader convert(JwsHeader headers) {
		SigningAlgorithm algorithm = algorithm(headers.getAlgorithm());
		JWSHeader.Builder builder = new JWSHeader.Builder(algorithm.jwsAlgorithm()).keyID(headers.getKeyId());
		if (headers.getType() != null) {
			builder.type(new JOSEObjectType(headers.getType()));
		}
		if (headers.getContentType() != null) {
			builder.contentType(headers.getContentType());
		}
		Map<String, Object> custom = new HashMap<>();
		headers.getHeaders().forEach((name, value) -> {
			if (!JWSHeader.getRegisteredParameterNames().contains(name)) {
				custom.put(name, value);
			}
		});
		return builder.customParams(custom).build();
	}

	// As NimbusJwtEncoder: registered claims through their typed setters, the rest as
	// they are.
	private static JWTClaimsSet convert(JwtClaimsSet claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		Object issuer = claims.getClaim(JwtClaimNames.ISS);
		if (issuer != null) {
			builder.issuer(issuer.toString());
		}
		if (StringUtils.hasText(claims.getSubject())) {
			builder.subject(claims.getSubject());
		}
		List<String> audience = claims.getAudience();
		if (audience != null && !audience.isEmpty()) {
			builder.audience(audience);
		}
		builder.expirationTime(date(claims.getExpiresAt()));
		builder.notBeforeTime(date(claims.getNotBefore()));
		builder.issueTime(date(claims.getIssuedAt()));
		if (StringUtils.hasText(claims.getId())) {
			builder.jwtID(claims.getId());
		}
		claims.getClaims().forEach((name, value) -> {
			if (!JWTClaimsSet.getRegisteredNames().contains(name)) {
				builder.claim(name, value);
			}
		});
		return builder.build();
	}

	private static @Nullable Date date(@Nullable Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

}
