package pk.gov.kp.khyberpass.sdk.spring;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds a Khyber Pass service token ({@code Authorization: Bearer ...}) to every request
 * of a {@code RestClient} or {@code RestTemplate}. Add it only to clients that call
 * government APIs trusting Khyber Pass: the token must not reach anyone else.
 *
 * <pre>{@code
 * RestClient registry = RestClient.builder()
 *     .baseUrl("https://registry.kp.gov.pk")
 *     .requestInterceptor(new KhyberPassServiceTokenInterceptor(serviceTokens, "registry.read"))
 *     .build();
 * }</pre>
 *
 * Thread-safe.
 */
public final class KhyberPassServiceTokenInterceptor implements ClientHttpRequestInterceptor {

	private final KhyberPassServiceTokens tokens;

	private final Set<String> scopes;

	/**
	 * Creates an interceptor.
	 * @param tokens the service tokens, not {@code null}
	 * @param scopes the scopes of the token to send
	 */
	public KhyberPassServiceTokenInterceptor(KhyberPassServiceTokens tokens, String... scopes) {
		this.tokens = tokens;
		this.scopes = Set.copyOf(Arrays.asList(scopes));
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.tokens.token(this.scopes).authorizationHeader());
		return execution.execute(request, body);
	}

}
