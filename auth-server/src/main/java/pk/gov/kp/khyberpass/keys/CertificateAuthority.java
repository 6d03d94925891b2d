package pk.gov.kp.khyberpass.keys;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The internal certificate authority: a self-signed EC P-384 root that certifies every
 * signing key, so that relying parties can pin the root and follow the {@code x5c} chain
 * through rotations.
 */
final class CertificateAuthority {

	private static final Provider BC = BouncyCastleProviderSingleton.getInstance();

	private static final String ORGANISATION = "O=Government of Khyber Pakhtunkhwa, C=PK";

	private static final String SIGNATURE_ALGORITHM = "SHA384withECDSA";

	private final PrivateKey privateKey;

	private final X509Certificate certificate;

	private final SecureRandom random;

	CertificateAuthority(PrivateKey privateKey, X509Certificate certificate, SecureRandom random) {
		this.privateKey = privateKey;
		this.certificate = certificate;
		this.random = random;
	}

	/** Creates a new root valid from {@code now} for {@code validity} years. */
	static CertificateAuthority create(SecureRandom random, Instant now, int validityYears) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
			generator.initialize(new ECGenParameterSpec("secp384r1"), random);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Khyber Pass Internal Signing CA, " + ORGANISATION);
			Instant notAfter = now.atZone(ZoneOffset.UTC).plusYears(validityYears).toInstant();
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
					Date.from(now.minusSeconds(300)), Date.from(notAfter), name, keyPair.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
			X509Certificate certificate = sign(builder, keyPair.getPrivate());
			return new CertificateAuthority(keyPair.getPrivate(), certificate, random);
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Could not create the internal certificate authority", ex);
		}
	}

	X509Certificate certificate() {
		return this.certificate;
	}

	PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * Issues an end-entity certificate for a signing key, named after its kid, valid at
	 * most as long as the CA.
	 */
	X509Certificate issue(PublicKey publicKey, String kid, Instant notBefore, Instant notAfter) {
		Instant end = notAfter.isAfter(this.certificate.getNotAfter().toInstant())
				? this.certificate.getNotAfter().toInstant() : notAfter;
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(this.certificate, serial(this.random),
					Date.from(notBefore), Date.from(end), new X500Name("CN=" + kid + ", " + ORGANISATION), publicKey)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(this.certificate));
			return sign(builder, this.privateKey);
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Could not certify signing key " + kid, ex);
		}
	}

	static String toPem(List<X509Certificate> certificates) {
		StringBuilder pem = new StringBuilder();
		Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
		for (X509Certificate certificate : certificates) {
			try {
				pem.append("-----BEGIN CERTIFICATE-----\n")
					.append(encoder.encodeToString(certificate.getEncoded()))
					.append("\n-----END CERTIFICATE-----\n");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Could not encode a certificate", ex);
			}
		}
		return pem.toString();
	}

	static List<X509Certificate> fromPem(String pem) {
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			return factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
				.stream()
				.map(X509Certificate.class::cast)
				.toList();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored certificate chain is not valid PEM", ex);
		}
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
			throws GeneralSecurityException {
		try {
			return new JcaX509CertificateConverter().setProvider(BC)
				.getCertificate(builder
					.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BC).build(signingKey)));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private static BigInteger serial(SecureRandom random) {
		return new BigInteger(127, random).add(BigInteger.ONE);
	}

}
