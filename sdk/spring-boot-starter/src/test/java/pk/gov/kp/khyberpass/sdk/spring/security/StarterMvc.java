package pk.gov.kp.khyberpass.sdk.spring.security;

import java.net.URI;
import java.util.Map;

import org.assertj.core.api.ThrowingConsumer;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import pk.gov.kp.khyberpass.sdk.spring.TestOpenIdProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The steps the starter's MockMvc tests share: run an application context, sign a citizen
 * in.
 */
final class StarterMvc {

	static final String CALLBACK = "/login/khyberpass/callback";

	private StarterMvc() {
	}

	/**
	 * Runs the test against the context the runner starts, with Spring Security's test
	 * support.
	 */
	static void run(WebApplicationContextRunner runner, ThrowingConsumer<MockMvc> test) {
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			WebApplicationContext web = context.getSourceApplicationContext();
			test.accept(MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build());
		});
	}

	/**
	 * Signs the provider's citizen in from the home page; returns the signed-in session.
	 */
	static MockHttpSession signIn(MockMvc mvc, TestOpenIdProvider provider) throws Exception {
		MvcResult start = mvc.perform(get("/")).andExpect(status().isFound()).andReturn();
		MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
		Map<String, String> callback = provider.authorize(URI.create(start.getResponse().getRedirectedUrl()));
		mvc.perform(callback(callback).session(session)).andExpect(redirectedUrl("http://localhost/"));
		return session;
	}

	/** The redirect back from Khyber Pass, with these query parameters. */
	static MockHttpServletRequestBuilder callback(Map<String, String> parameters) {
		MockHttpServletRequestBuilder request = get(CALLBACK);
		parameters.forEach(request::queryParam);
		return request;
	}

}
