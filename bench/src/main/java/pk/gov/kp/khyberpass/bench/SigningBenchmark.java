package pk.gov.kp.khyberpass.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Raw JWS signing throughput of the Nimbus signers Khyber Pass uses, through the JDK's
 * default providers or through Bouncy Castle:
 * {@code java -jar bench/target/benchmarks.jar SigningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

	/** Which JCA provider signs. */
	public enum Provider {

		/** The JDK's default (SunEC, SunRsaSign). */
		JDK,

		/** Bouncy Castle. */
		BC

	}

	@Param({ "ES256", "RS256" })
	public String algorithm;

	@Param({ "JDK", "BC" })
	public Provider provider;

	private JWSSigner signer;

	private JWSHeader header;

	private byte[] signingInput;

	@Setup
	public void setUp() throws Exception {
		JWSAlgorithm jwsAlgorithm = JWSAlgorithm.parse(this.algorithm);
		// the key comes from the provider that signs, as in the server
		// (SigningKeyGenerator): Bouncy Castle
		// signing with a JDK key converts it on every signature and misses its fast P-256
		// curve
		java.security.Provider keys = (this.provider == Provider.BC) ? BouncyCastleProviderSingleton.getInstance()
				: null;
		if (JWSAlgorithm.ES256.equals(jwsAlgorithm)) {
			KeyPairGenerator generator = generator("EC", keys);
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair keyPair = generator.generateKeyPair();
			this.signer = new ECDSASigner((ECPrivateKey) keyPair.getPrivate(), Curve.P_256);
		}
		else {
			KeyPairGenerator generator = generator("RSA", keys);
			generator.initialize(2048);
			this.signer = new RSASSASigner(generator.generateKeyPair().getPrivate());
		}
		if (this.provider == Provider.BC) {
			this.signer.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
		}
		this.header = new JWSHeader.Builder(jwsAlgorithm).type(new JOSEObjectType("at+jwt"))
			.keyID("ghLIcRU7DVgwaUTLXtI7D3uAajQkaEVxflBMnmZlHXw")
			.build();
		String claims = "{\"iss\":\"https://id.kp.gov.pk\",\"sub\":\"p7Qd2vXk1mZ8\",\"aud\":\"excise-and-taxation\","
				+ "\"client_id\":\"excise-and-taxation\",\"scope\":\"openid profile\",\"acr\":\"urn:kp:loa:2\","
				+ "\"iat\":1767225600,\"exp\":1767225900,\"jti\":\"6f1d0c9e-4b59-4a57-9d0e-1f0a2a7b9c11\"}";
		this.signingInput = (this.header.toBase64URL() + "." + Base64URL.encode(claims))
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static KeyPairGenerator generator(String algorithm, java.security.@Nullable Provider provider)
			throws GeneralSecurityException {
		return (provider != null) ? KeyPairGenerator.getInstance(algorithm, provider)
				: KeyPairGenerator.getInstance(algorithm);
	}

	@Benchmark
	public Base64URL sign() throws JOSEException {
		return this.signer.sign(this.header, this.signingInput);
	}

}
