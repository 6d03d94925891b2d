package pk.gov.kp.khyberpass.audit;

import java.security.PublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs checkpoints as compact JWS ({@code typ: audit-checkpoint+jwt}, ES256, claims {@code seq},
 * {@code hash}, {@code at}) with the server's {@link JwtEncoder}, and verifies them against the published
 * keys (the JWKS), so anyone holding the JWKS can check a checkpoint.
 */
final class AuditCheckpointSigner {

	static final String TYPE = "audit-checkpoint+jwt";

	private final JwtEncoder encoder;

	private final JWKSource<SecurityContext> keys;

	AuditCheckpointSigner(JwtEncoder encoder, JWKSource<SecurityContext> keys) {
		this.encoder = encoder;
		this.keys = keys;
	}

	String sign(long sequence, String headHash, Instant at) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.claim("seq", sequence)
			.claim("hash", headHash)
			.claim("at", AuditTimes.format(at))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).type(TYPE).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** Checks the checkpoint's signature and that it signs exactly its row. */
	Outcome verify(AuditRepository.Checkpoint checkpoint) {
		try {
			SignedJWT jws = SignedJWT.parse(checkpoint.signature());
			JWTClaimsSet claims = jws.getJWTClaimsSet();
			Object seq = claims.getClaim("seq");
			if (!(seq instanceof Number number) || number.longValue() != checkpoint.sequence()
					|| !checkpoint.headHash().equals(claims.getStringClaim("hash"))
					|| !AuditTimes.format(checkpoint.createdAt()).equals(claims.getStringClaim("at"))
					|| jws.getHeader().getType() == null || !TYPE.equals(jws.getHeader().getType().getType())) {
				return Outcome.MISMATCH;
			}
			String kid = jws.getHeader().getKeyID();
			List<JWK> found = (kid != null)
					? this.keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null) : List.of();
			if (found.isEmpty()) {
				return Outcome.KEY_UNPUBLISHED;
			}
			PublicKey key = ((AsymmetricJWK) found.get(0)).toPublicKey();
			JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(),
					Objects.requireNonNull(key));
			return jws.verify(verifier) ? Outcome.VALID : Outcome.BAD_SIGNATURE;
		}
		catch (ParseException | JOSEException | ClassCastException ex) {
			return Outcome.BAD_SIGNATURE;
		}
	}

	/** How a checkpoint verified. */
	enum Outcome {

		/** Signed by a published key and matches its row. */
		VALID,

		/** The row's sequence, hash or time differ from what was signed. */
		MISMATCH,

		/** Not a valid signature. */
		BAD_SIGNATURE,

		/** Signed by a key that has left the JWKS: the hash is still checked, the signature cannot be. */
		KEY_UNPUBLISHED

	}

}
