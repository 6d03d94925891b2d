package pk.gov.kp.khyberpass.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Makes signing keys and the internal CA with Bouncy Castle's JCA provider, seals their
 * private keys under the master key, and opens them again as Nimbus signers that also
 * sign through Bouncy Castle.
 */
final class SigningKeyGenerator {

	/** The master key purpose of everything this feature seals. */
	static final String PURPOSE = "signing-key";

	private static final Provider BC = BouncyCastleProviderSingleton.getInstance();

	private static final int AUTHORITY_VALIDITY_YEARS = 20;

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final MasterKey masterKey;

	private final SecureRandom random;

	private final Duration certificateValidity;

	/**
	 * @param certificateValidity how long a signing key's certificate lasts: at least its
	 * whole life as {@code NEXT}, {@code ACTIVE} and {@code RETIRING}
	 */
	SigningKeyGenerator(MasterKey masterKey, SecureRandom random, Duration certificateValidity) {
		this.masterKey = masterKey;
		this.random = random;
		this.certificateValidity = certificateValidity;
	}

	StoredAuthority newAuthority(Instant now) {
		CertificateAuthority authority = CertificateAuthority.create(this.random, now, AUTHORITY_VALIDITY_YEARS);
		X509Certificate certificate = authority.certificate();
		String id = "ca-" + HexFormat.of().formatHex(sha256(certificate.getPublicKey().getEncoded()), 0, 16);
		byte[] sealed = this.masterKey.seal(PURPOSE, authority.privateKey().getEncoded(), ad(id));
		return new StoredAuthority(id, now, certificate.getNotAfter().toInstant(), this.masterKey.keyId(), sealed,
				CertificateAuthority.toPem(List.of(certificate)));
	}

	CertificateAuthority openAuthority(StoredAuthority stored) {
		PrivateKey privateKey = privateKey("EC",
				this.masterKey.open(PURPOSE, stored.sealedPrivateKey(), ad(stored.id())));
		return new CertificateAuthority(privateKey, CertificateAuthority.fromPem(stored.certificate()).get(0),
				this.random);
	}

	/**
	 * Generates a key pair, names it by its JWK thumbprint, certifies it and seals its
	 * private key.
	 */
	StoredSigningKey newKey(SigningAlgorithm algorithm, SigningKeyState state, Instant now,
			StoredAuthority storedAuthority) {
		CertificateAuthority authority = openAuthority(storedAuthority);
		KeyPair keyPair = generateKeyPair(algorithm);
		String kid = thumbprint(publicJwk(algorithm, keyPair, null, null));
		X509Certificate leaf = authority.issue(keyPair.getPublic(), kid, now.minus(CLOCK_SKEW),
				now.plus(this.certificateValidity));
		List<X509Certificate> chain = List.of(leaf, authority.certificate());
		JWK jwk = publicJwk(algorithm, keyPair, kid, chain.stream().map(SigningKeyGenerator::encode).toList());
		byte[] sealed = this.masterKey.seal(PURPOSE, keyPair.getPrivate().getEncoded(), ad(kid));
		Instant activatedAt = (state == SigningKeyState.ACTIVE) ? now : null;
		return new StoredSigningKey(kid, algorithm, state, now, activatedAt, null, null, null, this.masterKey.keyId(),
				sealed, jwk.toPublicJWK().toJSONString(), CertificateAuthority.toPem(chain), storedAuthority.id());
	}

	/** Opens a stored key's private key as a signer that signs through Bouncy Castle. */
	JWSSigner signer(StoredSigningKey stored) {
		byte[] sealed = stored.sealedPrivateKey();
		if (sealed == null) {
			throw new IllegalStateException("Signing key " + stored.kid() + " has no private key (retired)");
		}
		byte[] pkcs8 = this.masterKey.open(PURPOSE, sealed, ad(stored.kid()));
		try {
			JWSSigner signer = switch (stored.algorithm()) {
				case ES256 -> new ECDSASigner((ECPrivateKey) privateKey("EC", pkcs8), Curve.P_256);
				case RS256 -> new RSASSASigner(privateKey("RSA", pkcs8));
			};
			signer.getJCAContext().setProvider(BC);
			signer.getJCAContext().setSecureRandom(this.random);
			return signer;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing key " + stored.kid() + " cannot sign", ex);
		}
	}

	private KeyPair generateKeyPair(SigningAlgorithm algorithm) {
		try {
			return switch (algorithm) {
				case ES256 -> {
					KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
					generator.initialize(new ECGenParameterSpec("secp256r1"), this.random);
					yield generator.generateKeyPair();
				}
				case RS256 -> {
					KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
					generator.initialize(2048, this.random);
					yield generator.generateKeyPair();
				}
			};
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not generate a " + algorithm + " key pair", ex);
		}
	}

	private static JWK publicJwk(SigningAlgorithm algorithm, KeyPair keyPair, @Nullable String kid,
			@Nullable List<Base64> chain) {
		// Nimbus checks that the first certificate of the chain holds this very public
		// key
		return switch (algorithm) {
			case ES256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) keyPair.getPublic()).keyID(kid)
				.algorithm(algorithm.jwsAlgorithm())
				.keyUse(KeyUse.SIGNATURE)
				.x509CertChain(chain)
				.build();
			case RS256 -> new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).keyID(kid)
				.algorithm(algorithm.jwsAlgorithm())
				.keyUse(KeyUse.SIGNATURE)
				.x509CertChain(chain)
				.build();
		};
	}

	private static String thumbprint(JWK jwk) {
		try {
			return jwk.computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static PrivateKey privateKey(String keyAlgorithm, byte[] pkcs8) {
		try {
			return KeyFactory.getInstance(keyAlgorithm, BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored private key is not valid PKCS#8", ex);
		}
	}

	private static Base64 encode(X509Certificate certificate) {
		try {
			return Base64.encode(certificate.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encode a certificate", ex);
		}
	}

	private static byte[] ad(String id) {
		return id.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
