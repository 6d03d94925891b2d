package pk.gov.kp.khyberpass.sdk.servlet;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link KhyberPassFilter} configured from init-params, as in {@code web.xml}.
 */
class KhyberPassFilterInitTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	@AfterEach
	void stop() {
		this.provider.close();
	}

	@Test
	void initWhenInitParamsThenSignsInWithThem() {
		try (TestServletApplication application = TestServletApplication
			.start(Map.of("issuer", this.provider.issuer(), "client-id", TestOpenIdProvider.CLIENT_ID, "client-secret",
					TestOpenIdProvider.CLIENT_SECRET, "protected-paths", "/account/", "callback-path", "/cb"))) {
			TestBrowser browser = new TestBrowser();
			assertThat(browser.get(application.uri("/public")).statusCode()).isEqualTo(200);

			HttpResponse<String> login = browser.get(application.uri("/account/"));
			HttpResponse<String> callback = browser.get(this.provider.authorize(TestBrowser.location(login)));

			assertThat(TestOpenIdProvider.query(TestBrowser.location(login))).containsEntry("redirect_uri",
					application.uri("/cb").toString());
			assertThat(TestBrowser.location(callback)).isEqualTo(application.uri("/account/"));
			assertThat(browser.get(application.uri("/account/")).body()).startsWith("user=citizen-1");
		}
	}

	@Test
	void initWhenIssuerMissingThenServletException() {
		KhyberPassFilter filter = new KhyberPassFilter();

		assertThatThrownBy(() -> filter.init(config(Map.of("client-id", "vehicles", "client-secret", "s"))))
			.isInstanceOf(ServletException.class)
			.hasMessageContaining("'issuer' is required");
	}

	@Test
	void initWhenIssuerNotHttpsThenServletException() {
		KhyberPassFilter filter = new KhyberPassFilter();

		assertThatThrownBy(() -> filter
			.init(config(Map.of("issuer", "http://login.kp.gov.pk", "client-id", "vehicles", "client-secret", "s"))))
			.isInstanceOf(ServletException.class);
	}

	@Test
	void initWhenInitParamMisspeltThenServletExceptionNamingIt() {
		KhyberPassFilter filter = new KhyberPassFilter();

		assertThatThrownBy(() -> filter.init(config(Map.of("issuer", "https://login.kp.gov.pk", "client-id", "vehicles",
				"client-secret", "s", "protected-path", "/account/"))))
			.isInstanceOf(ServletException.class)
			.hasMessageContaining("unknown init-param 'protected-path'")
			.hasMessageContaining("protected-paths");
	}

	private static FilterConfig config(Map<String, String> parameters) {
		return new FilterConfig() {

			@Override
			public String getFilterName() {
				return "khyberpass";
			}

			@Override
			public ServletContext getServletContext() {
				throw new UnsupportedOperationException();
			}

			@Override
			public String getInitParameter(String name) {
				return parameters.get(name);
			}

			@Override
			public Enumeration<String> getInitParameterNames() {
				return Collections.enumeration(parameters.keySet());
			}

		};
	}

}
