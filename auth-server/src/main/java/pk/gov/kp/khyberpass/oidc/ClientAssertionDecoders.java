package pk.gov.kp.khyberpass.oidc;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Verifies {@code private_key_jwt} client assertions with the client's registered keys:
 * its inline {@code jwks} (RS256 or ES256) when it has one, else Spring's decoder for its
 * {@code jwks_uri} (RS256). Either way the assertion's claims are checked as Spring does
 * ({@code iss} and {@code sub} are the client id, {@code aud} names this server's token
 * endpoint or issuer, time claims). A decoder is kept per client and rebuilt when the
 * client's keys or key URI change, so a change through the admin API applies at once.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-3">RFC 7523 §3</a>
 */
final class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

	private final Map<String, Cached> decoders = new ConcurrentHashMap<>();

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		Object jwks = client.getClientSettings().getSetting(KhyberPassClientSettings.JWKS);
		String source = (jwks != null) ? "jwks " + jwks : "uri " + client.getClientSettings().getJwkSetUrl();
		Cached cached = this.decoders.get(client.getId());
		if (cached != null && Objects.equals(cached.source(), source)) {
			return cached.decoder();
		}
		JwtDecoder decoder = (jwks != null) ? inline(client, new ClientJwks(jwks.toString()))
				: new JwtClientAssertionDecoderFactory().createDecoder(client);
		this.decoders.put(client.getId(), new Cached(source, decoder));
		return decoder;
	}

	private static JwtDecoder inline(RegisteredClient client, ClientJwks jwks) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(jwks.keySet()))
			.jwsAlgorithms((algorithms) -> {
				algorithms.add(SignatureAlgorithm.RS256);
				algorithms.add(SignatureAlgorithm.ES256);
			})
			.build();
		decoder.setJwtValidator(JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client));
		return decoder;
	}

	private record Cached(String source, JwtDecoder decoder) {
	}

}
