package pk.gov.kp.khyberpass.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

/**
 * A department client for the integration tests, built on Nimbus' OAuth 2.0 / OpenID
 * Connect SDK (a real, independent client library), talking to the server over real HTTP.
 */
public final class OidcTestClient {

	private final URI issuer;

	private final ClientID clientId;

	private final ClientAuthentication authentication;

	public OidcTestClient(URI issuer, String clientId, String secret) {
		this(issuer, new ClientSecretBasic(new ClientID(clientId), new Secret(secret)));
	}

	public OidcTestClient(URI issuer, ClientAuthentication authentication) {
		this.issuer = issuer;
		this.clientId = authentication.getClientID();
		this.authentication = authentication;
	}

	public ClientAuthentication authentication() {
		return this.authentication;
	}

	public ClientID clientId() {
		return this.clientId;
	}

	public URI endpoint(String path) {
		return this.issuer.resolve(path);
	}

	/** A fresh authorization request with PKCE S256, state and nonce. */
	public Attempt attempt(String redirectUri, String scope) {
		return new Attempt(new CodeVerifier(), new State(), new Nonce(), URI.create(redirectUri), Scope.parse(scope));
	}

	public TokenResponse exchange(String code, Attempt attempt) {
		return token(
				new AuthorizationCodeGrant(new AuthorizationCode(code), attempt.redirectUri(), attempt.verifier()));
	}

	public TokenResponse token(AuthorizationGrant grant) {
		return token(grant, null);
	}

	public TokenResponse token(AuthorizationGrant grant, Scope scope) {
		try {
			return OIDCTokenResponseParser
				.parse(new TokenRequest(endpoint("/oauth2/token"), this.authentication, grant, scope).toHTTPRequest()
					.send());
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Asks the introspection endpoint about {@code token}, authenticated as this client
	 * (RFC 7662).
	 */
	public TokenIntrospectionResponse introspect(AccessToken token) {
		try {
			return TokenIntrospectionResponse
				.parse(new TokenIntrospectionRequest(endpoint("/oauth2/introspect"), this.authentication, token)
					.toHTTPRequest()
					.send());
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs the front channel: the authorization request, sign-in (when asked for), and
	 * returns the redirect to the client with its query parameters.
	 */
	public Map<String, String> authorize(CitizenAgent browser, Attempt attempt, String username, String password) {
		HttpResponse<String> response = browser.follow(browser.get(attempt.uri(this).toString()));
		if (response.statusCode() == 200 && response.body().contains("name=\"password\"")) {
			response = browser.follow(browser.signIn(username, password));
		}
		if (!CitizenAgent.isRedirect(response)) {
			throw new AssertionError(
					"Expected a redirect to the client, got " + response.statusCode() + ": " + response.body());
		}
		return CitizenAgent.query(browser.location(response));
	}

	/** One authorization attempt's secrets, as a client keeps them in its session. */
	public record Attempt(CodeVerifier verifier, State state, Nonce nonce, URI redirectUri, Scope scope) {

		public URI uri(OidcTestClient client) {
			return uri(client, Map.of());
		}

		public URI uri(OidcTestClient client, Map<String, String> extra) {
			AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE, this.scope,
					client.clientId, this.redirectUri)
				.endpointURI(client.endpoint("/oauth2/authorize"))
				.state(this.state)
				.nonce(this.nonce)
				.codeChallenge(this.verifier, CodeChallengeMethod.S256);
			extra.forEach((name, value) -> {
				switch (name) {
					case "prompt" ->
						builder.prompt(com.nimbusds.openid.connect.sdk.Prompt.Type.valueOf(value.toUpperCase()));
					case "max_age" -> builder.maxAge(Integer.parseInt(value));
					default -> builder.customParameter(name, value);
				}
			});
			return builder.build().toURI();
		}

	}

}
