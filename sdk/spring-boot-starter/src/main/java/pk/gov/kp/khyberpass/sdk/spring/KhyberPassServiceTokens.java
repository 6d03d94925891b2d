package pk.gov.kp.khyberpass.sdk.spring;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.ServiceToken;
import pk.gov.kp.khyberpass.sdk.TokenExchangeRequest;

/**
 * Access tokens to call another department's API: for the department service itself
 * (client credentials, cached by {@link KhyberPassClient} until shortly before they
 * expire), or on a signed-in citizen's behalf (token exchange, never cached). Inject it,
 * or add {@link KhyberPassServiceTokenInterceptor} to a {@code RestClient}. Thread-safe.
 */
public final class KhyberPassServiceTokens {

	private final KhyberPassClient client;

	/**
	 * Creates an instance over the client.
	 * @param client the shared client, not {@code null}
	 */
	public KhyberPassServiceTokens(KhyberPassClient client) {
		this.client = client;
	}

	/**
	 * Returns a token for these scopes, from the cache when still fresh.
	 * @param scopes the scopes, such as {@code vehicles.read}; none for the client's
	 * default
	 * @return the token, never {@code null}
	 * @throws OAuthErrorException if Khyber Pass refuses (for example
	 * {@code invalid_scope})
	 * @throws KhyberPassClientException on other failures
	 */
	public ServiceToken token(String... scopes) {
		return token(new LinkedHashSet<>(Arrays.asList(scopes)));
	}

	/**
	 * Returns a token for these scopes, from the cache when still fresh.
	 * @param scopes the scopes, not {@code null}
	 * @return the token, never {@code null}
	 * @throws OAuthErrorException if Khyber Pass refuses (for example
	 * {@code invalid_scope})
	 * @throws KhyberPassClientException on other failures
	 */
	public ServiceToken token(Set<String> scopes) {
		return this.client.clientCredentialsToken(Set.copyOf(scopes));
	}

	/**
	 * Exchanges a citizen's access token for one to call another department's API on the
	 * citizen's behalf (RFC 8693 token exchange). Khyber Pass accepts only a live access
	 * token it issued to this client, for an API registered for this client; the new
	 * token names this client in its {@code act} claim and carries the citizen's
	 * {@code sub} as the target sees it. Not cached: call it for each piece of work done
	 * for the citizen. For the citizen signed in to this service's pages, use
	 * {@code KhyberPassCitizenTokens.onBehalfOf(audience, scopes)} instead, which renews
	 * the sign-in's access token first (it lives five minutes); this method exchanges the
	 * token as given, for example a bearer token your API received.
	 * @param citizenAccessToken the citizen's access token, not {@code null} or empty
	 * @param audience the target API, one of this client's registered audiences, not
	 * {@code null}
	 * @param scopes the scopes the target needs, within the citizen token's; none for all
	 * of them
	 * @return the token, never {@code null}
	 * @throws OAuthErrorException if Khyber Pass refuses: {@code invalid_target} (API not
	 * registered for this client), {@code invalid_scope}, {@code invalid_grant} (token
	 * expired, revoked or not issued to this client), {@code unauthorized_client} (not
	 * registered for token exchange)
	 * @throws KhyberPassClientException on other failures, or if the token is empty
	 */
	public ServiceToken onBehalfOf(String citizenAccessToken, String audience, String... scopes) {
		return this.client
			.exchangeToken(TokenExchangeRequest.forAccessToken(citizenAccessToken).audience(audience).scopes(scopes));
	}

}
