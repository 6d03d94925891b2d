package pk.gov.kp.khyberpass.sdk.audit;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * One {@code {"checkpoint": ...}} line of an export, and the check of its signature
 * against the pinned authority.
 */
record ExportedCheckpoint(long sequence, String headHash, String createdAt, String signature, List<String> x5c) {

	private static final JOSEObjectType TYPE = new JOSEObjectType("audit-checkpoint+jwt");

	static ExportedCheckpoint from(Map<String, Object> fields) {
		Object x5c = fields.get("x5c");
		List<String> chain = new ArrayList<>();
		if (x5c instanceof List<?> list) {
			list.forEach((item) -> chain.add(String.valueOf(item)));
		}
		return new ExportedCheckpoint(ExportLines.number(fields, "sequence"), ExportLines.text(fields, "headHash"),
				ExportLines.text(fields, "createdAt"), ExportLines.text(fields, "signature"), List.copyOf(chain));
	}

	/**
	 * @return null if the checkpoint is signed as it says by a key {@code authority}
	 * certified, else why not
	 */
	String problem(X509Certificate authority) {
		List<X509Certificate> chain;
		try {
			chain = certificates();
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return "checkpoint certificate chain is not readable";
		}
		if (chain.size() != 2 || !chain.get(1).equals(authority)) {
			return "checkpoint key is not certified by the pinned authority";
		}
		try {
			chain.get(0).verify(authority.getPublicKey());
		}
		catch (GeneralSecurityException ex) {
			return "checkpoint key certificate is not signed by the pinned authority";
		}
		try {
			SignedJWT jws = SignedJWT.parse(this.signature);
			JWTClaimsSet claims = jws.getJWTClaimsSet();
			if (!TYPE.equals(jws.getHeader().getType()) || !(claims.getClaim("seq") instanceof Number seq)
					|| seq.longValue() != this.sequence || !this.headHash.equals(claims.getStringClaim("hash"))
					|| !this.createdAt.equals(claims.getStringClaim("at"))) {
				return "checkpoint does not match what its signature says";
			}
			PublicKey key = chain.get(0).getPublicKey();
			JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(), key);
			return jws.verify(verifier) ? null : "checkpoint signature does not verify";
		}
		catch (ParseException | JOSEException ex) {
			return "checkpoint signature does not verify";
		}
	}

	private List<X509Certificate> certificates() throws GeneralSecurityException {
		CertificateFactory factory = CertificateFactory.getInstance("X.509");
		List<X509Certificate> chain = new ArrayList<>();
		for (String der : this.x5c) {
			chain.add((X509Certificate) factory
				.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(der))));
		}
		return chain;
	}

}
