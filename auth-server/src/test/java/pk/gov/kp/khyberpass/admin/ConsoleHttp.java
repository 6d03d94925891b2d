package pk.gov.kp.khyberpass.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.Cookie;

import org.springframework.web.util.HtmlUtils;

import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin console pages over plain HTTP, with the session of a real passkey sign-in (made
 * in Chromium), posting forms as a browser does: with the CSRF field of the page the form
 * was on. Redirects are not followed.
 */
final class ConsoleHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI issuer;

	private final String session;

	private ConsoleHttp(URI issuer, String session) {
		this.issuer = issuer;
		this.session = session;
	}

	/**
	 * Signs in to the console in Chromium with a passkey (added first), and keeps the
	 * session cookie.
	 */
	static ConsoleHttp signIn(URI issuer, String cnic, String password) {
		try (HeadlessBrowser browser = AdminConsoleBrowserIT.signedInToConsole(issuer, cnic, password)) {
			Cookie session = browser.driver().manage().getCookieNamed(AdminConsoleRefreshIT.SESSION_COOKIE);
			assertThat(session).as("session cookie of " + cnic).isNotNull();
			return new ConsoleHttp(issuer, session.getValue());
		}
	}

	Page get(String path) {
		return send("GET", path, null);
	}

	/** Posts {@code fields} with the CSRF field of the page the form was on. */
	Page post(String path, Page from, Map<String, String> fields) {
		Matcher token = CSRF.matcher(from.body());
		assertThat(token.find()).as("CSRF field on the page before " + path).isTrue();
		return send("POST", path, form(with(fields, "_csrf", token.group(1))));
	}

	/** A request as given: a form body, or none. */
	Page send(String method, String path, @Nullable String form) {
		URI target = path.startsWith("http") ? URI.create(path) : URI.create(this.issuer + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(30))
			.header("Cookie", AdminConsoleRefreshIT.SESSION_COOKIE + "=" + this.session)
			.header("Accept", "text/html");
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(form));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse(null);
			return new Page(response.statusCode(), response.body(),
					(location != null) ? this.issuer.resolve(location).toString() : null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code application/x-www-form-urlencoded}, UTF-8. */
	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	static Map<String, String> with(Map<String, String> fields, String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put(name, value);
		return all;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A page as the server answered it.
	 *
	 * @param status the HTTP status
	 * @param body the HTML
	 * @param location where a redirect points, absolute, or null
	 */
	record Page(int status, String body, @Nullable String location) {

		/** Whether it is the console's refusal (a role that does not allow this). */
		boolean refused() {
			return this.body.contains("id=\"console-refused\"");
		}

		/** The element with that id; fails when there is none. */
		Html element(String id) {
			try {
				INestableNode document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(this.body);
				Element found = find(document, id);
				assertThat(found).as("element #" + id + " in the page (status " + this.status + ")").isNotNull();
				return new Html(found);
			}
			catch (ParseException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static @Nullable Element find(INestableNode node, String id) {
			for (INode child : node.getChildren()) {
				if (child instanceof Element element) {
					if (id.equals(element.getAttributeValue("id"))) {
						return element;
					}
					Element inside = find(element, id);
					if (inside != null) {
						return inside;
					}
				}
			}
			return null;
		}

	}

	/** An element of a page, read as a browser shows it. */
	record Html(Element element) {

		boolean hasAttribute(String name) {
			return this.element.hasAttribute(name);
		}

		/** The attribute's value, entities decoded. */
		@Nullable String attribute(String name) {
			String value = this.element.getAttributeValue(name);
			return (value != null) ? HtmlUtils.htmlUnescape(value) : null;
		}

		/** Its text, entities decoded and white space collapsed. */
		String text() {
			StringBuilder text = new StringBuilder();
			collect(this.element, text);
			return HtmlUtils.htmlUnescape(text.toString()).replaceAll("\\s+", " ").strip();
		}

		/** The targets of the links inside, in order. */
		List<String> links() {
			List<String> found = new ArrayList<>();
			gather(this.element, found);
			return found;
		}

		private static void collect(INestableNode node, StringBuilder text) {
			for (INode child : node.getChildren()) {
				if (child instanceof Text part) {
					text.append(part.getContent());
				}
				else if (child instanceof INestableNode nested) {
					collect(nested, text);
				}
			}
		}

		private static void gather(INestableNode node, List<String> found) {
			for (INode child : node.getChildren()) {
				if (child instanceof Element element) {
					if (element.elementNameMatches("a")) {
						found.add(HtmlUtils.htmlUnescape(String.valueOf(element.getAttributeValue("href"))));
					}
					gather(element, found);
				}
			}
		}

	}

}
