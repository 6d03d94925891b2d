package pk.gov.kp.khyberpass.oidc;

import java.net.URI;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.keys.SigningKeys;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class KeyRotationIT {

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	SigningKeys signingKeys;

	@Test
	void rotateWhenTokensSignedBeforeAndAfterThenBothValidateAgainstJwks() throws Exception {
		OidcTestClient service = new OidcTestClient(this.issuer, "it-service", "it-service-secret-0123456789abcdef");
		AccessToken before = token(service);

		this.signingKeys.rotate();
		AccessToken after = token(service);

		JWKSet jwks = JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL());
		assertThat(kid(before)).isNotEqualTo(kid(after));
		for (AccessToken token : new AccessToken[] { before, after }) {
			DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
			processor.setJWSTypeVerifier((type, context) -> {
			});
			processor
				.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
			assertThat(processor.process(token.getValue(), null).getSubject()).isEqualTo("it-service");
			assertThat(service.introspect(token).toSuccessResponse().isActive()).isTrue();
		}
	}

	private static AccessToken token(OidcTestClient service) {
		return service.token(new ClientCredentialsGrant(), new Scope("vehicles.read"))
			.toSuccessResponse()
			.getTokens()
			.getAccessToken();
	}

	private static String kid(AccessToken token) throws Exception {
		return SignedJWT.parse(token.getValue()).getHeader().getKeyID();
	}

}
