package pk.gov.kp.khyberpass.admin.console;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriBuilder;

import pk.gov.kp.khyberpass.oidc.OidcProperties;

/**
 * The console's only way to the data: the admin API over HTTP, with the signed-in
 * administrator's access token (refreshed when it has expired). The API decides what each
 * role may do; the console only hides what it would refuse.
 */
@Component
class ConsoleApi {

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	private final OAuth2AuthorizedClientManager authorizedClients;

	ConsoleApi(OidcProperties oidc, ConsoleProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
		this.http = RestClient.builder().baseUrl(properties.apiBase(oidc.issuer()).toString()).build();
		this.authorizedClients = authorizedClients;
	}

	Map<String, Object> getObject(String path, Map<String, ?> query) {
		return call(this.http.get().uri((uri) -> build(uri, path, query))).body(OBJECT);
	}

	List<Map<String, Object>> getList(String path, Map<String, ?> query) {
		List<Map<String, Object>> list = call(this.http.get().uri((uri) -> build(uri, path, query))).body(LIST);
		return (list != null) ? list : List.of();
	}

	@Nullable Map<String, Object> post(String path, Object body) {
		return call(this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)).body(OBJECT);
	}

	/** A POST whose answer the console does not show (it may be an object or a list). */
	void postOnly(String path, Object body) {
		call(this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)).toBodilessEntity();
	}

	@Nullable Map<String, Object> put(String path, Object body) {
		return call(this.http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)).body(OBJECT);
	}

	void delete(String path, Map<String, ?> query) {
		call(this.http.delete().uri((uri) -> build(uri, path, query))).toBodilessEntity();
	}

	private RestClient.ResponseSpec call(RestClient.RequestHeadersSpec<?> request) {
		return request.headers((headers) -> headers.setBearerAuth(accessToken()))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (req, response) -> {
				throw ConsoleApiException.of(response.getStatusCode().value(),
						new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			});
	}

	private static URI build(UriBuilder uri, String path, Map<String, ?> query) {
		uri.path(path);
		query.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				uri.queryParam(name, value);
			}
		});
		return uri.build();
	}

	/**
	 * The administrator's access token, refreshed if needed; none left means signing in
	 * again.
	 */
	private String accessToken() {
		Authentication admin = SecurityContextHolder.getContext().getAuthentication();
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
			.withClientRegistrationId(ConsoleSecurityConfiguration.REGISTRATION_ID)
			.principal(admin)
			.attribute(HttpServletRequest.class.getName(), current.getRequest())
			.attribute(HttpServletResponse.class.getName(), current.getResponse())
			.build();
		OAuth2AuthorizedClient client;
		try {
			client = this.authorizedClients.authorize(request);
		}
		catch (ClientAuthorizationException ex) {
			throw new ConsoleApiException(401, "The console session has ended");
		}
		if (client == null) {
			throw new ConsoleApiException(401, "The console session has ended");
		}
		return client.getAccessToken().getTokenValue();
	}

}
