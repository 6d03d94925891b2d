package pk.gov.kp.khyberpass.sdk.spring;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.ServiceToken;

/**
 * Access tokens for the department service itself (client credentials), to call another
 * department's API; cached by {@link KhyberPassClient} until shortly before they expire.
 * Inject it, or add {@link KhyberPassServiceTokenInterceptor} to a {@code RestClient}.
 * Thread-safe.
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
	 * @param scopes the scopes, such as {@code vehicles.read}; none for the client's default
	 * @return the token, never {@code null}
	 * @throws OAuthErrorException if Khyber Pass refuses (for example {@code invalid_scope})
	 * @throws KhyberPassClientException on other failures
	 */
	public ServiceToken token(String... scopes) {
		return token(new LinkedHashSet<>(Arrays.asList(scopes)));
	}

	/**
	 * Returns a token for these scopes, from the cache when still fresh.
	 * @param scopes the scopes, not {@code null}
	 * @return the token, never {@code null}
	 * @throws OAuthErrorException if Khyber Pass refuses (for example {@code invalid_scope})
	 * @throws KhyberPassClientException on other failures
	 */
	public ServiceToken token(Set<String> scopes) {
		return this.client.clientCredentialsToken(Set.copyOf(scopes));
	}

}
