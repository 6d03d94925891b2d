package pk.gov.kp.khyberpass.sdk.spring.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.sdk.TokenIntrospection;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassAutoConfiguration;
import pk.gov.kp.khyberpass.sdk.spring.MovableClock;
import pk.gov.kp.khyberpass.sdk.spring.TestOpenIdProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signed-in citizen's access token renewed with the rotating refresh token before
 * use, the renewed tokens kept in the session, a refused refresh ending the session and
 * sending the browser to sign in again, and the token introspected before a high-value
 * action; against a fake Khyber Pass, with the application's clock moved by hand.
 */
class KhyberPassCitizenTokensTests {

	private static final String CALLBACK = StarterMvc.CALLBACK;

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final MovableClock clock = new MovableClock();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(KhyberPassAutoConfiguration.class, KhyberPassWebSecurityAutoConfiguration.class,
						SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
						UserDetailsServiceAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
						WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
		.withUserConfiguration(Pages.class)
		.withBean(Clock.class, () -> this.clock)
		.withPropertyValues("khyberpass.issuer=" + this.provider.issuer(),
				"khyberpass.client-id=" + TestOpenIdProvider.CLIENT_ID,
				"khyberpass.client-secret=" + TestOpenIdProvider.CLIENT_SECRET);

	@AfterEach
	void stop() {
		this.provider.close();
	}

	@Test
	void accessTokenWhenFarFromExpiryThenSignInTokenWithoutRefresh() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.clock.advance(Duration.ofSeconds(260));

			String token = mvc.perform(get("/token").session(session)).andReturn().getResponse().getContentAsString();

			assertThat(token).isEqualTo(signedIn(session).accessToken());
			assertThat(grantTypes()).containsExactly("authorization_code");
		});
	}

	@Test
	void accessTokenWhenAboutToExpireThenRefreshedOnceAndSessionKeepsRotatedTokens() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			String signInToken = signedIn(session).accessToken();
			this.clock.advance(Duration.ofSeconds(275));

			String renewed = mvc.perform(get("/token").session(session)).andReturn().getResponse().getContentAsString();
			String again = mvc.perform(get("/token").session(session)).andReturn().getResponse().getContentAsString();

			assertThat(renewed).isNotEqualTo(signInToken).isEqualTo(again);
			assertThat(signedIn(session).accessToken()).isEqualTo(renewed);
			assertThat(grantTypes()).containsExactly("authorization_code", "refresh_token");
			assertThat(this.provider.tokenRequests().get(1)).containsEntry("refresh_token",
					this.provider.refreshToken(1));
			this.clock.advance(Duration.ofSeconds(290));
			mvc.perform(get("/token").session(session)).andExpect(status().isOk());
			assertThat(this.provider.tokenRequests().get(2)).containsEntry("refresh_token",
					this.provider.refreshToken(2));
			assertThat(this.provider.refreshRevoked()).isFalse();
		});
	}

	@Test
	void onBehalfOfWhenSignInTokenExpiredThenRefreshedTokenExchanged() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.clock.advance(Duration.ofSeconds(301));

			mvc.perform(get("/registry").session(session)).andExpect(status().isOk());

			assertThat(grantTypes()).containsExactly("authorization_code", "refresh_token",
					"urn:ietf:params:oauth:grant-type:token-exchange");
			assertThat(this.provider.tokenRequests().get(2)).containsEntry("subject_token",
					signedIn(session).accessToken());
		});
	}

	@Test
	void accessTokenWhenRefreshRefusedThenSessionEndedAndBrowserSentToSignInAgain() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.provider.revokeRefreshTokens();
			this.clock.advance(Duration.ofSeconds(290));

			MvcResult result = mvc.perform(get("/registry").session(session)).andExpect(status().isFound()).andReturn();

			assertThat(session.isInvalid()).isTrue();
			URI location = URI.create(result.getResponse().getRedirectedUrl());
			assertThat(location.toString()).startsWith(this.provider.issuer() + "/authorize?");
			MockHttpSession next = (MockHttpSession) result.getRequest().getSession(false);
			mvc.perform(StarterMvc.callback(this.provider.authorize(location)).session(next))
				.andExpect(redirectedUrl("http://localhost/registry"));
		});
	}

	@Test
	void accessTokenWhenRefreshRefusedOnPostThenUnauthorized() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.provider.revokeRefreshTokens();
			this.clock.advance(Duration.ofSeconds(290));

			mvc.perform(post("/token").session(session).with(csrf())).andExpect(status().isUnauthorized());

			assertThat(session.isInvalid()).isTrue();
		});
	}

	@Test
	void accessTokenWhenKhyberPassSessionStillValidButTokenExpiringThenNeverPresentsSpentRefreshToken() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.clock.advance(Duration.ofSeconds(290));
			mvc.perform(get("/token").session(session)).andExpect(status().isOk());

			mvc.perform(get("/token").session(session)).andExpect(status().isOk());
			mvc.perform(get("/registry").session(session)).andExpect(status().isOk());

			assertThat(grantTypes()).filteredOn("refresh_token"::equals).hasSize(1);
			assertThat(this.provider.refreshRevoked()).isFalse();
		});
	}

	@Test
	void introspectWhenSignInStandsThenActiveAnswerForTheSessionsAccessToken() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			String answer = mvc.perform(get("/introspect").session(session))
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(answer).isEqualTo("active " + TestOpenIdProvider.SUBJECT);
			assertThat(this.provider.introspectionRequests()).singleElement()
				.satisfies((form) -> assertThat(form).containsEntry("token", signedIn(session).accessToken()));
		});
	}

	@Test
	void introspectWhenSignInRevokedAtKhyberPassThenInactiveAndSessionKept() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.provider.revokeRefreshTokens();

			String answer = mvc.perform(get("/introspect").session(session))
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(answer).isEqualTo("inactive");
			assertThat(session.isInvalid()).isFalse();
		});
	}

	@Test
	void userInfoWhenTokenAcceptedThenClaims() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			mvc.perform(get("/name").session(session))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.string("Ayesha Khan"));
		});
	}

	@Test
	void userInfoWhenKhyberPassRefusesTokenThenSessionEndedAndBrowserSentToSignIn() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.provider.revokeRefreshTokens();
			mvc.perform(get("/name").session(session)).andExpect(status().isFound());
			assertThat(session.isInvalid()).isTrue();
		});
	}

	private KhyberPassAuthentication signedIn(MockHttpSession session) {
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return (KhyberPassAuthentication) context.getAuthentication();
	}

	private java.util.List<String> grantTypes() {
		return this.provider.tokenRequests().stream().map((form) -> form.get("grant_type")).toList();
	}

	private void run(ThrowingConsumer<MockMvc> test) {
		StarterMvc.run(this.runner, test);
	}

	private MockHttpSession signIn(MockMvc mvc) throws Exception {
		return StarterMvc.signIn(mvc, this.provider);
	}

	@RestController
	static class Pages {

		private final KhyberPassCitizenTokens citizenTokens;

		Pages(KhyberPassCitizenTokens citizenTokens) {
			this.citizenTokens = citizenTokens;
		}

		@GetMapping("/")
		String home() {
			return "home";
		}

		@GetMapping("/token")
		String token() {
			return this.citizenTokens.accessToken();
		}

		@PostMapping("/token")
		String postToken() {
			return this.citizenTokens.accessToken();
		}

		@GetMapping("/introspect")
		String introspect() {
			TokenIntrospection answer = this.citizenTokens.introspect();
			return answer.isActive() ? "active " + answer.subject().orElse("") : "inactive";
		}

		@GetMapping("/name")
		String name() {
			return this.citizenTokens.userInfo().string("name").orElse("-");
		}

		@GetMapping("/registry")
		String registry() {
			return this.citizenTokens.onBehalfOf(TestOpenIdProvider.REGISTERED_API).issuedTokenType().orElse("-");
		}

	}

}
