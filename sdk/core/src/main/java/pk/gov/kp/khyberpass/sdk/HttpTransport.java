package pk.gov.kp.khyberpass.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Sends the SDK's few HTTP requests with timeouts and a response size limit, and parses
 * JSON answers. Thread-safe.
 */
final class HttpTransport {

	static final int MAX_RESPONSE_BYTES = 512 * 1024;

	private final HttpClient httpClient;

	private final Duration requestTimeout;

	HttpTransport(HttpClient httpClient, Duration requestTimeout) {
		this.httpClient = httpClient;
		this.requestTimeout = requestTimeout;
	}

	JsonResponse get(URI uri, String what, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		return send(request, headers, what);
	}

	JsonResponse postForm(URI uri, String what, Map<String, String> form, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
		return send(request, headers, what);
	}

	private JsonResponse send(HttpRequest.Builder request, Map<String, String> headers, String what) {
		request.timeout(this.requestTimeout).header("Accept", "application/json");
		headers.forEach(request::header);
		HttpRequest built = request.build();
		try {
			HttpResponse<InputStream> response = this.httpClient.send(built, HttpResponse.BodyHandlers.ofInputStream());
			byte[] body;
			try (InputStream in = response.body()) {
				body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
			}
			if (body.length > MAX_RESPONSE_BYTES) {
				throw new KhyberPassClientException(what + " at " + built.uri() + " answered with more than "
						+ MAX_RESPONSE_BYTES + " bytes; check that the issuer URI points to Khyber Pass");
			}
			return new JsonResponse(response.statusCode(), parseJson(body, response.statusCode(), built.uri(), what),
					response.headers());
		}
		catch (IOException ex) {
			throw new KhyberPassClientException(what + " request to " + built.uri() + " failed (" + ex
					+ "); check network access from this service to Khyber Pass and its TLS trust store", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KhyberPassClientException(what + " request to " + built.uri() + " was interrupted", ex);
		}
	}

	private static Map<String, Object> parseJson(byte[] body, int status, URI uri, String what) {
		if (body.length == 0) {
			return Map.of();
		}
		try {
			return JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8), MAX_RESPONSE_BYTES);
		}
		catch (ParseException ex) {
			if (status >= 400) {
				return Map.of();
			}
			throw new KhyberPassClientException(what + " at " + uri + " did not answer with a JSON object (HTTP "
					+ status + "); check that the issuer URI points to Khyber Pass", ex);
		}
	}

	static String formEncode(Map<String, String> form) {
		StringJoiner joiner = new StringJoiner("&");
		form.forEach((name, value) -> joiner.add(urlEncode(name) + "=" + urlEncode(value)));
		return joiner.toString();
	}

	static String urlEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A parsed JSON answer.
	 *
	 * @param status the HTTP status
	 * @param body the JSON object, empty when the body was empty or (for errors) not JSON
	 * @param headers the response headers
	 */
	record JsonResponse(int status, Map<String, Object> body, HttpHeaders headers) {

		boolean isSuccess() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
