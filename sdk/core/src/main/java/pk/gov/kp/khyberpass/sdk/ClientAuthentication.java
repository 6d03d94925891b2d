package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * How the department's client proves its identity at the token and introspection
 * endpoints. Create one with {@link #clientSecretBasic(String)},
 * {@link #clientSecretPost(String)}, {@link #privateKeyJwt(JWK)}, or {@link #none()} for
 * a service that only validates access tokens. Instances are immutable and thread-safe,
 * and their {@code toString()} never shows the secret or key.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication">OIDC Core
 * §9</a>
 */
public abstract sealed class ClientAuthentication {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private ClientAuthentication() {
	}

	/**
	 * Authenticates with the client secret in an HTTP Basic {@code Authorization} header
	 * ({@code client_secret_basic}, the usual choice).
	 * @param clientSecret the secret issued by the Khyber Pass security team, not
	 * {@code null} or blank
	 * @return the authentication, never {@code null}
	 * @throws KhyberPassClientException if the secret is {@code null} or blank
	 */
	public static ClientAuthentication clientSecretBasic(String clientSecret) {
		return new SecretBasic(requireSecret(clientSecret));
	}

	/**
	 * Authenticates with the client secret in the form body ({@code client_secret_post}).
	 * @param clientSecret the secret issued by the Khyber Pass security team, not
	 * {@code null} or blank
	 * @return the authentication, never {@code null}
	 * @throws KhyberPassClientException if the secret is {@code null} or blank
	 */
	public static ClientAuthentication clientSecretPost(String clientSecret) {
		return new SecretPost(requireSecret(clientSecret));
	}

	/**
	 * Authenticates with a client assertion signed by the department's private key
	 * ({@code private_key_jwt}, RFC 7523): {@code iss} and {@code sub} the client id,
	 * {@code aud} the endpoint it is sent to (the token or the introspection endpoint,
	 * both of which Khyber Pass accepts), a fresh {@code jti} and a 60-second lifetime.
	 * The key's public half must be registered with Khyber Pass.
	 * @param privateKey an EC P-256 key (signs ES256) or an RSA key of at least 2048 bits
	 * (signs its {@code alg}, PS256 or RS256, default RS256), with its private part and
	 * preferably a {@code kid}; not {@code null}
	 * @return the authentication, never {@code null}
	 * @throws KhyberPassClientException if the key is not such a private key
	 */
	public static ClientAuthentication privateKeyJwt(JWK privateKey) {
		Objects.requireNonNull(privateKey, "privateKey");
		if (!privateKey.isPrivate()) {
			throw new KhyberPassClientException("private_key_jwt needs the private key, but the JWK given has only "
					+ "the public part; load the department's private JWK");
		}
		try {
			if (privateKey instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
				ECDSASigner signer = new ECDSASigner(ec);
				signer.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
				return new PrivateKeyJwt(signer, JWSAlgorithm.ES256, ec.getKeyID());
			}
			if (privateKey instanceof RSAKey rsa && rsa.size() >= 2048) {
				JWSAlgorithm alg = JWSAlgorithm.PS256.equals(rsa.getAlgorithm()) ? JWSAlgorithm.PS256
						: JWSAlgorithm.RS256;
				return new PrivateKeyJwt(new RSASSASigner(rsa), alg, rsa.getKeyID());
			}
		}
		catch (JOSEException ex) {
			throw new KhyberPassClientException("The private_key_jwt key cannot sign: " + ex.getMessage(), ex);
		}
		throw new KhyberPassClientException(
				"private_key_jwt needs an EC P-256 key or an RSA key of at least 2048 bits");
	}

	/**
	 * No client authentication: for a service that only validates access tokens or logout
	 * tokens. Calls to the token and introspection endpoints then fail with
	 * {@link KhyberPassClientException}.
	 * @return the authentication, never {@code null}
	 */
	public static ClientAuthentication none() {
		return None.INSTANCE;
	}

	/**
	 * Adds the authentication to a request to the token or introspection endpoint.
	 */
	abstract void apply(Map<String, String> form, Map<String, String> headers, String clientId, URI endpoint,
			Instant now, SecureRandom random);

	@Override
	public String toString() {
		return "ClientAuthentication[" + getClass().getSimpleName() + "]";
	}

	private static String requireSecret(String clientSecret) {
		if (clientSecret == null || clientSecret.isBlank()) {
			throw new KhyberPassClientException(
					"The client secret is empty; pass the secret issued by the Khyber Pass security team");
		}
		return clientSecret;
	}

	private static final class SecretBasic extends ClientAuthentication {

		private final String secret;

		SecretBasic(String secret) {
			this.secret = secret;
		}

		@Override
		void apply(Map<String, String> form, Map<String, String> headers, String clientId, URI endpoint, Instant now,
				SecureRandom random) {
			// RFC 6749 §2.3.1: both parts are form-encoded before Base64
			String credentials = HttpTransport.urlEncode(clientId) + ":" + HttpTransport.urlEncode(this.secret);
			headers.put("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}

	}

	private static final class SecretPost extends ClientAuthentication {

		private final String secret;

		SecretPost(String secret) {
			this.secret = secret;
		}

		@Override
		void apply(Map<String, String> form, Map<String, String> headers, String clientId, URI endpoint, Instant now,
				SecureRandom random) {
			form.put("client_id", clientId);
			form.put("client_secret", this.secret);
		}

	}

	private static final class PrivateKeyJwt extends ClientAuthentication {

		private final JWSSigner signer;

		private final JWSAlgorithm algorithm;

		private final @Nullable String keyId;

		PrivateKeyJwt(JWSSigner signer, JWSAlgorithm algorithm, @Nullable String keyId) {
			this.signer = signer;
			this.algorithm = algorithm;
			this.keyId = keyId;
		}

		@Override
		void apply(Map<String, String> form, Map<String, String> headers, String clientId, URI endpoint, Instant now,
				SecureRandom random) {
			byte[] jti = new byte[32];
			random.nextBytes(jti);
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId)
				.subject(clientId)
				.audience(endpoint.toString())
				.jwtID(Base64URL.encode(jti).toString())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(60)))
				.build();
			SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(this.algorithm).keyID(this.keyId).build(),
					claims);
			try {
				assertion.sign(this.signer);
			}
			catch (JOSEException ex) {
				throw new KhyberPassClientException("Signing the private_key_jwt client assertion failed", ex);
			}
			form.put("client_id", clientId);
			form.put("client_assertion_type", JWT_BEARER);
			form.put("client_assertion", assertion.serialize());
		}

	}

	private static final class None extends ClientAuthentication {

		static final None INSTANCE = new None();

		@Override
		void apply(Map<String, String> form, Map<String, String> headers, String clientId, URI endpoint, Instant now,
				SecureRandom random) {
			throw new KhyberPassClientException("This KhyberPassClient was built with ClientAuthentication.none() and "
					+ "cannot call the token or introspection endpoint; configure clientSecretBasic(...) or "
					+ "privateKeyJwt(...)");
		}

	}

}
