package pk.gov.kp.khyberpass.audit;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs checkpoints as compact JWS ({@code typ: audit-checkpoint+jwt}, ES256, claims
 * {@code seq}, {@code hash}, {@code at}) with the server's {@link JwtEncoder}, and
 * verifies them with the key the internal authority certified for their {@code kid} (see
 * {@link CheckpointKeys}), retired keys included.
 */
final class AuditCheckpointSigner {

	static final String TYPE = "audit-checkpoint+jwt";

	private final JwtEncoder encoder;

	private final CheckpointKeys keys;

	AuditCheckpointSigner(JwtEncoder encoder, CheckpointKeys keys) {
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

	/**
	 * The trusted certificate chain of the key that signed {@code signature}, empty if
	 * none.
	 */
	List<X509Certificate> chainOf(String signature) {
		try {
			String kid = JWSObject.parse(signature).getHeader().getKeyID();
			return (kid != null) ? this.keys.trustedChain(kid).orElse(List.of()) : List.of();
		}
		catch (ParseException ex) {
			return List.of();
		}
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
			PublicKey key = (kid != null) ? this.keys.trustedKey(kid).orElse(null) : null;
			if (key == null) {
				return Outcome.UNTRUSTED_KEY;
			}
			JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(),
					Objects.requireNonNull(key));
			return jws.verify(verifier) ? Outcome.VALID : Outcome.BAD_SIGNATURE;
		}
		catch (ParseException | JOSEException ex) {
			return Outcome.BAD_SIGNATURE;
		}
	}

	/** How a checkpoint verified. */
	enum Outcome {

		/** Signed by a key the internal authority certified, and matches its row. */
		VALID,

		/** The row's sequence, hash or time differ from what was signed. */
		MISMATCH,

		/** Not a valid signature. */
		BAD_SIGNATURE,

		/** Names no key, or a key the internal authority did not certify. */
		UNTRUSTED_KEY

	}

}
