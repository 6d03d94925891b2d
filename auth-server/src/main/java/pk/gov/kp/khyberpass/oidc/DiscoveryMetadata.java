package pk.gov.kp.khyberpass.oidc;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * What OpenID Connect Discovery says beyond Spring's defaults: pairwise subjects, our
 * assurance levels, S256-only PKCE, {@code iss} in authorization responses, back-channel
 * logout, token exchange (RFC 8693), and no implicit flow.
 */
final class DiscoveryMetadata implements Consumer<OidcProviderConfiguration.Builder> {

	private static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post",
			"private_key_jwt");

	private static void clientAuthenticationMethods(List<String> methods) {
		methods.clear();
		methods.addAll(CLIENT_AUTH_METHODS);
		methods.add("none");
	}

	@Override
	public void accept(OidcProviderConfiguration.Builder discovery) {
		discovery.subjectTypes((types) -> {
			types.clear();
			types.addAll(List.of("pairwise", "public"));
		}).responseTypes((types) -> {
			types.clear();
			types.add("code");
		}).grantTypes((types) -> {
			types.clear();
			types.addAll(DepartmentClient.GRANT_TYPES);
		}).codeChallengeMethods((methods) -> {
			methods.clear();
			methods.add("S256");
		})
			.tokenEndpointAuthenticationMethods(DiscoveryMetadata::clientAuthenticationMethods)
			.claim("revocation_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS)
			.claim("introspection_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS)
			.idTokenSigningAlgorithms((algorithms) -> {
				algorithms.clear();
				algorithms.addAll(List.of("RS256", "ES256"));
			})
			.claim("response_modes_supported", List.of("query"))
			.claim("authorization_response_iss_parameter_supported", true)
			.claim("acr_values_supported", AssuranceLevels.ALL)
			.claim("claims_supported",
					List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "azp", "sid", "name",
							"birthdate", "phone_number", "phone_number_verified", "cnic"))
			.claim("backchannel_logout_supported", true)
			.claim("backchannel_logout_session_supported", true)
			// Spring's default advertises certificate-bound tokens, which need
			// tls_client_auth: not offered.
			.claims((claims) -> claims.remove("tls_client_certificate_bound_access_tokens"));
	}

}
