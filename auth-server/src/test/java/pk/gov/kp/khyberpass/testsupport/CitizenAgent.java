package pk.gov.kp.khyberpass.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A citizen's browser without the rendering: real HTTP with a cookie jar and no automatic
 * redirects, so tests can follow the OpenID Connect flow step by step (authorize, sign
 * in, consent, redirect).
 */
public final class CitizenAgent {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http;

	private final URI base;

	public CitizenAgent(URI base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public HttpResponse<String> get(String pathOrUri) {
		return send(HttpRequest.newBuilder(resolve(pathOrUri)).header("Accept", "text/html").GET().build());
	}

	public HttpResponse<String> postForm(String pathOrUri, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(resolve(pathOrUri))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Posts an already-encoded form body (for repeated parameters such as {@code scope}).
	 */
	public HttpResponse<String> postRaw(String pathOrUri, String encodedForm) {
		return send(HttpRequest.newBuilder(resolve(pathOrUri))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(encodedForm))
			.build());
	}

	/**
	 * Posts JSON as the pages' scripts do (the passkey ceremonies), with the CSRF token
	 * in the {@code X-CSRF-TOKEN} header.
	 */
	public HttpResponse<String> postJson(String pathOrUri, String json, String csrfToken) {
		return send(HttpRequest.newBuilder(resolve(pathOrUri))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", csrfToken)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * Signs in on the login page with the given user name (CNIC or mobile) and password.
	 */
	public HttpResponse<String> signIn(String username, String password) {
		HttpResponse<String> page = get("/login");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", csrf(page.body()));
		return postForm("/login", form);
	}

	/**
	 * Follows redirects that stay on the server until one leaves it (to a client's
	 * redirect URI) or a page is shown; returns that last response.
	 */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
			URI location = location(current);
			if (!location.getAuthority().equals(this.base.getAuthority())) {
				return current;
			}
			current = get(location.toString());
		}
		return current;
	}

	public static boolean isRedirect(HttpResponse<?> response) {
		return response.statusCode() / 100 == 3;
	}

	public URI location(HttpResponse<?> response) {
		return resolve(response.headers().firstValue("Location").orElseThrow());
	}

	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token in page: " + html);
		}
		return matcher.group(1);
	}

	/** The query parameters of a redirect, decoded. */
	public static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() == null) {
			return parameters;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
		}
		return parameters;
	}

	private URI resolve(String pathOrUri) {
		return this.base.resolve(pathOrUri);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
