package pk.gov.kp.khyberpass.sdk.spring.security;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.sdk.spring.KhyberPassAutoConfiguration;
import pk.gov.kp.khyberpass.sdk.spring.TestOpenIdProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The default security of the starter, through MockMvc against a fake Khyber Pass:
 * browser sign-in, step-up, logout, back-channel logout and the bearer-token API.
 */
@ExtendWith(OutputCaptureExtension.class)
class KhyberPassSecurityTests {

	private static final String CALLBACK = StarterMvc.CALLBACK;

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(KhyberPassAutoConfiguration.class, KhyberPassWebSecurityAutoConfiguration.class,
						SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
						UserDetailsServiceAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
						WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
		.withUserConfiguration(Pages.class)
		.withPropertyValues("khyberpass.issuer=" + this.provider.issuer(),
				"khyberpass.client-id=" + TestOpenIdProvider.CLIENT_ID,
				"khyberpass.client-secret=" + TestOpenIdProvider.CLIENT_SECRET,
				"khyberpass.post-logout-redirect-uri=https://vehicles.kp.gov.pk/signed-out",
				"khyberpass.assurance.paths.loa2=/fines/**");

	@AfterEach
	void stop() {
		this.provider.close();
	}

	@Test
	void getWhenNotSignedInThenRedirectToKhyberPassWithPkceStateAndNonce() {
		run((mvc) -> {
			MvcResult result = mvc.perform(get("/")).andExpect(status().isFound()).andReturn();

			URI location = URI.create(result.getResponse().getRedirectedUrl());
			Map<String, String> query = TestOpenIdProvider.query(location);
			assertThat(location.toString()).startsWith(this.provider.issuer() + "/authorize?");
			assertThat(query).containsEntry("response_type", "code")
				.containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
				.containsEntry("redirect_uri", "http://localhost" + CALLBACK)
				.containsEntry("scope", "openid profile")
				.containsEntry("code_challenge_method", "S256")
				.containsKeys("code_challenge", "state", "nonce")
				.doesNotContainKey("acr_values");
		});
	}

	@Test
	void callbackWhenValidThenSignedInWithNewSessionIdAndBackToThePage() {
		run((mvc) -> {
			MvcResult start = mvc.perform(get("/").queryParam("tab", "vehicles")).andReturn();
			MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
			String idBefore = session.getId();
			Map<String, String> callback = this.provider.authorize(URI.create(start.getResponse().getRedirectedUrl()));

			mvc.perform(StarterMvc.callback(callback).session(session))
				.andExpect(redirectedUrl("http://localhost/?tab=vehicles"));

			assertThat(session.getId()).isNotEqualTo(idBefore);
			SecurityContext context = (SecurityContext) session
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			KhyberPassAuthentication authentication = (KhyberPassAuthentication) context.getAuthentication();
			assertThat(authentication.getPrincipal().subject()).isEqualTo(TestOpenIdProvider.SUBJECT);
			assertThat(authentication.getPrincipal().acr()).isEqualTo("urn:kp:loa:1");
			assertThat(authentication.getPrincipal().sessionId()).isEqualTo(this.provider.sessionId());
			assertThat(authentication.getPrincipal().name()).isEqualTo("Test Citizen");
			assertThat(this.provider.tokenRequests()).singleElement()
				.satisfies((form) -> assertThat(form).containsKey("code_verifier"));
			mvc.perform(get("/").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string("hello " + TestOpenIdProvider.SUBJECT));
		});
	}

	@Test
	void callbackWhenStateMismatchThenBadRequestAndNotSignedIn() {
		run((mvc) -> {
			MvcResult start = mvc.perform(get("/")).andReturn();
			MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
			Map<String, String> callback = this.provider.authorize(URI.create(start.getResponse().getRedirectedUrl()));

			mvc.perform(get(CALLBACK).session(session)
				.queryParam("code", callback.get("code"))
				.queryParam("state", "forged-state")
				.queryParam("iss", callback.get("iss"))).andExpect(status().isBadRequest());

			assertThat(this.provider.tokenRequests()).isEmpty();
			mvc.perform(get("/").session(session)).andExpect(status().isFound());
		});
	}

	@Test
	void callbackWhenIssuerMismatchThenUnauthorized() {
		run((mvc) -> {
			MvcResult start = mvc.perform(get("/")).andReturn();
			MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
			Map<String, String> callback = this.provider.authorize(URI.create(start.getResponse().getRedirectedUrl()));

			mvc.perform(get(CALLBACK).session(session)
				.queryParam("code", callback.get("code"))
				.queryParam("state", callback.get("state"))
				.queryParam("iss", "https://evil.example")).andExpect(status().isUnauthorized());
		});
	}

	@Test
	void callbackWhenClientSecretRefusedThenBadGatewayAndLogSaysWhichPropertiesToCheck(CapturedOutput output) {
		StarterMvc.run(
				this.runner.withPropertyValues("khyberpass.client-secret=a-stale-secret-from-an-older-seed-file"),
				(mvc) -> {
					MvcResult start = mvc.perform(get("/")).andReturn();
					MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
					Map<String, String> callback = this.provider
						.authorize(URI.create(start.getResponse().getRedirectedUrl()));

					mvc.perform(StarterMvc.callback(callback).session(session)).andExpect(status().isBadGateway());

					mvc.perform(get("/").session(session)).andExpect(status().isFound());
				});
		assertThat(output)
			.contains("invalid_client", "khyberpass.client-id and khyberpass.client-secret", this.provider.issuer())
			.doesNotContain("a-stale-secret-from-an-older-seed-file");
	}

	@Test
	void getWhenKhyberPassUnreachableThenServiceUnavailableAndOneLineInTheLog(CapturedOutput output) {
		this.provider.close();

		run((mvc) -> mvc.perform(get("/")).andExpect(status().isServiceUnavailable()));

		assertThat(output).contains("Cannot send the browser to sign in", "discovery").doesNotContain("\tat pk.gov.kp");
	}

	@Test
	void ownChainWhenItsRulesComeBeforeBrowserThenItsPublicPageNeedsNoSignInAndTheRestDoes() {
		StarterMvc.run(this.runner.withUserConfiguration(OwnChain.class), (mvc) -> {
			mvc.perform(get("/signed-out")).andExpect(status().isOk()).andExpect(content().string("signed out"));

			MvcResult result = mvc.perform(get("/")).andExpect(status().isFound()).andReturn();
			assertThat(result.getResponse().getRedirectedUrl()).startsWith(this.provider.issuer() + "/authorize?");
		});
	}

	@Test
	void ownChainWhenFormLoginLeftFromBeforeThenStartupRefusedNamingIt() {
		this.runner.withUserConfiguration(OwnChainWithFormLogin.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("remove formLogin() and httpBasic() from this chain"));
	}

	@Test
	void ownChainWhenItsAnyRequestRuleComesBeforeBrowserThenStartupRefusedSayingToRemoveIt() {
		this.runner.withUserConfiguration(OwnChainWithAnyRequest.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("already has an anyRequest() rule; remove it"));
	}

	@Test
	void ownChainThenNoGeneratedLocalUserOrPassword(CapturedOutput output) {
		this.runner.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(UserDetailsService.class);
			assertThat(context).hasBean("khyberPassNoLocalPasswords");
		});
		assertThat(output).doesNotContain("Using generated security password");
	}

	@Test
	void ownChainWhenItDoesNotCallBrowserThenStartupWarnsOnce(CapturedOutput output) {
		this.runner.withUserConfiguration(OwnChainWithoutKhyberPass.class)
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(output).containsOnlyOnce("No SecurityFilterChain calls KhyberPassSecurityConfigurer.browser(http)");
	}

	@Test
	void chainsWhenTheyCallBrowserThenNoWarning(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withUserConfiguration(OwnChain.class).run((context) -> assertThat(context).hasNotFailed());

		assertThat(output).doesNotContain("No SecurityFilterChain calls");
	}

	@Test
	void getWhenAnnotatedLevelAboveSessionThenStepUpAndBackToThePage() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			MvcResult stepUp = mvc.perform(get("/pay").session(session)).andExpect(status().isFound()).andReturn();

			URI location = URI.create(stepUp.getResponse().getRedirectedUrl());
			assertThat(TestOpenIdProvider.query(location)).containsEntry("acr_values", "urn:kp:loa:2");
			mvc.perform(StarterMvc.callback(this.provider.authorize(location)).session(session))
				.andExpect(redirectedUrl("http://localhost/pay"));
			mvc.perform(get("/pay").session(session)).andExpect(status().isOk()).andExpect(content().string("paid"));
		});
	}

	@Test
	void getWhenPathRuleAboveSessionThenStepUp() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			MvcResult stepUp = mvc.perform(get("/fines/7").session(session)).andExpect(status().isFound()).andReturn();

			assertThat(TestOpenIdProvider.query(URI.create(stepUp.getResponse().getRedirectedUrl())))
				.containsEntry("acr_values", "urn:kp:loa:2");
		});
	}

	@Test
	void getWhenPathRuleAndNotSignedInThenFirstSignInAsksForTheLevel() {
		run((mvc) -> {
			MvcResult result = mvc.perform(get("/fines/7")).andExpect(status().isFound()).andReturn();

			assertThat(TestOpenIdProvider.query(URI.create(result.getResponse().getRedirectedUrl())))
				.containsEntry("acr_values", "urn:kp:loa:2");
		});
	}

	@Test
	void postWhenBackChannelLogoutTokenForTheSessionThenSessionEnded() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			mvc.perform(post("/logout/backchannel").param("logout_token",
					this.provider.logoutToken(this.provider.sessionId())))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-store"));

			assertThat(session.isInvalid()).isTrue();
		});
	}

	@Test
	void postWhenBackChannelLogoutTokenForAnotherSessionThenSessionKept() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			mvc.perform(post("/logout/backchannel").param("logout_token", this.provider.logoutToken("other-session")))
				.andExpect(status().isOk());

			assertThat(session.isInvalid()).isFalse();
		});
	}

	@Test
	void postWhenBackChannelLogoutTokenInvalidThenBadRequest() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			mvc.perform(post("/logout/backchannel").param("logout_token", this.provider.accessToken("urn:kp:loa:1")))
				.andExpect(status().isBadRequest());

			assertThat(session.isInvalid()).isFalse();
		});
	}

	@Test
	void postWhenLogoutThenLocalSessionEndedAndRedirectToKhyberPassLogout() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			MvcResult result = mvc.perform(post("/logout").session(session).with(csrf()))
				.andExpect(status().isFound())
				.andReturn();

			URI location = URI.create(result.getResponse().getRedirectedUrl());
			assertThat(location.toString()).startsWith(this.provider.issuer() + "/logout?");
			assertThat(TestOpenIdProvider.query(location)).containsKey("id_token_hint")
				.containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
				.containsEntry("post_logout_redirect_uri", "https://vehicles.kp.gov.pk/signed-out");
			assertThat(session.isInvalid()).isTrue();
		});
	}

	@Test
	void apiWhenValidBearerTokenThenOkWithoutSession() {
		run((mvc) -> {
			MvcResult result = mvc
				.perform(get("/api/hello").header("Authorization",
						"Bearer " + this.provider.accessToken("urn:kp:loa:1")))
				.andExpect(status().isOk())
				.andExpect(content().string("api " + TestOpenIdProvider.SUBJECT))
				.andReturn();

			assertThat(result.getRequest().getSession(false)).isNull();
		});
	}

	@Test
	void apiWhenNoTokenThenUnauthorizedWithBearerChallenge() {
		run((mvc) -> mvc.perform(get("/api/hello"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer")));
	}

	@Test
	void apiWhenInvalidTokenThenUnauthorizedInvalidToken() {
		run((mvc) -> mvc.perform(get("/api/hello").header("Authorization", "Bearer not.a.token"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
	}

	@Test
	void apiWhenIdTokenInsteadOfAccessTokenThenUnauthorizedInvalidToken() {
		run((mvc) -> mvc
			.perform(get("/api/hello").header("Authorization",
					"Bearer " + this.provider.logoutToken(this.provider.sessionId())))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
	}

	@Test
	void apiWhenOnlyBrowserSessionThenUnauthorized() {
		run((mvc) -> {
			MockHttpSession session = signIn(mvc);

			mvc.perform(get("/api/hello").session(session)).andExpect(status().isUnauthorized());
		});
	}

	@Test
	void apiWhenAnnotatedLevelAboveTokenThenInsufficientUserAuthentication() {
		run((mvc) -> mvc
			.perform(get("/api/pay").header("Authorization", "Bearer " + this.provider.accessToken("urn:kp:loa:1")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					org.hamcrest.Matchers.allOf(
							org.hamcrest.Matchers.containsString("error=\"insufficient_user_authentication\""),
							org.hamcrest.Matchers.containsString("acr_values=\"urn:kp:loa:2\"")))));
	}

	@Test
	void apiWhenAnnotatedLevelMetThenOk() {
		run((mvc) -> mvc
			.perform(get("/api/pay").header("Authorization", "Bearer " + this.provider.accessToken("urn:kp:loa:2")))
			.andExpect(status().isOk()));
	}

	private void run(ThrowingConsumer<MockMvc> test) {
		StarterMvc.run(this.runner, test);
	}

	private MockHttpSession signIn(MockMvc mvc) throws Exception {
		return StarterMvc.signIn(mvc, this.provider);
	}

	@RestController
	static class Pages {

		@GetMapping("/")
		String home(Principal principal) {
			return "hello " + principal.getName();
		}

		@GetMapping("/signed-out")
		String signedOut() {
			return "signed out";
		}

		@GetMapping("/pay")
		@RequiresAssuranceLevel("urn:kp:loa:2")
		String pay() {
			return "paid";
		}

		@GetMapping("/fines/{id}")
		String fine(@PathVariable("id") String id) {
			return "fine " + id;
		}

		@GetMapping("/api/hello")
		String api(Principal principal) {
			return "api " + principal.getName();
		}

		@GetMapping("/api/pay")
		@RequiresAssuranceLevel("urn:kp:loa:2")
		String apiPay() {
			return "paid";
		}

	}

	/**
	 * A department's own chain: its public page first, then the starter's browser
	 * behaviour.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain pages(HttpSecurity http, KhyberPassSecurityConfigurer khyberPass) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/signed-out").permitAll());
			return khyberPass.browser(http).build();
		}

	}

	/** A chain converted from form login that kept it. */
	@Configuration(proxyBeanMethods = false)
	static class OwnChainWithFormLogin {

		@Bean
		SecurityFilterChain pages(HttpSecurity http, KhyberPassSecurityConfigurer khyberPass) throws Exception {
			http.formLogin(Customizer.withDefaults());
			return khyberPass.browser(http).build();
		}

	}

	/** A chain converted from form login that kept its catch-all rule. */
	@Configuration(proxyBeanMethods = false)
	static class OwnChainWithAnyRequest {

		@Bean
		SecurityFilterChain pages(HttpSecurity http, KhyberPassSecurityConfigurer khyberPass) throws Exception {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/signed-out").permitAll().anyRequest().authenticated());
			return khyberPass.browser(http).build();
		}

	}

	/** A department's chain before the change: no Khyber Pass yet. */
	@Configuration(proxyBeanMethods = false)
	static class OwnChainWithoutKhyberPass {

		@Bean
		SecurityFilterChain pages(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

}
