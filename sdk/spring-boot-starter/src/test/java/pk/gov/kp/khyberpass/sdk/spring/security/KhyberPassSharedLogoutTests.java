package pk.gov.kp.khyberpass.sdk.spring.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.ReplayStore;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassAutoConfiguration;
import pk.gov.kp.khyberpass.sdk.spring.TestOpenIdProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two nodes of one department service (two application contexts) sharing an
 * {@link EndedSessions} store and a {@link ReplayStore} beans, as the Redis
 * auto-configuration provides them: a back-channel logout received by node A ends the
 * session held by node B, and its token replayed to node B is refused. Without shared
 * stores (the default), node B knows nothing of it.
 */
class KhyberPassSharedLogoutTests {

	private static final String CALLBACK = "/login/khyberpass/callback";

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final EndedSessions ended = EndedSessions.inMemory(Duration.ofHours(24), Clock.systemUTC());

	private final ReplayStore replays = ReplayStore.inMemory(1000, Clock.systemUTC());

	private final FailingSwitch failing = new FailingSwitch();

	private final WebApplicationContextRunner node = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(KhyberPassAutoConfiguration.class, KhyberPassWebSecurityAutoConfiguration.class,
						SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
						UserDetailsServiceAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
						WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
		.withUserConfiguration(Pages.class)
		.withPropertyValues("khyberpass.issuer=" + this.provider.issuer(),
				"khyberpass.client-id=" + TestOpenIdProvider.CLIENT_ID,
				"khyberpass.client-secret=" + TestOpenIdProvider.CLIENT_SECRET);

	private final WebApplicationContextRunner sharingNode = this.node
		.withBean(EndedSessions.class, () -> this.failing.wrap(this.ended))
		.withBean(ReplayStore.class, () -> this.replays);

	@AfterEach
	void stop() {
		this.provider.close();
	}

	@Test
	void backChannelLogoutOnNodeAWhenStoresSharedThenNodeBSessionEndsAndReplayRefused() {
		run(this.sharingNode, (nodeA) -> run(this.sharingNode, (nodeB) -> {
			MockHttpSession onB = signIn(nodeB);
			String logoutToken = this.provider.logoutToken(this.provider.sessionId());

			nodeA.perform(post("/logout/backchannel").param("logout_token", logoutToken)).andExpect(status().isOk());

			MvcResult next = nodeB.perform(get("/").session(onB)).andExpect(status().isFound()).andReturn();
			assertThat(next.getResponse().getRedirectedUrl()).startsWith(this.provider.issuer() + "/authorize?");
			assertThat(onB.isInvalid()).isTrue();
			nodeB.perform(post("/logout/backchannel").param("logout_token", logoutToken))
				.andExpect(status().isBadRequest());
		}));
	}

	@Test
	void backChannelLogoutOnNodeAWhenDefaultStoresThenNodeBSessionGoesOnAndReplayAccepted() {
		run(this.node, (nodeA) -> run(this.node, (nodeB) -> {
			MockHttpSession onB = signIn(nodeB);
			String logoutToken = this.provider.logoutToken(this.provider.sessionId());

			nodeA.perform(post("/logout/backchannel").param("logout_token", logoutToken)).andExpect(status().isOk());

			nodeB.perform(get("/").session(onB)).andExpect(status().isOk());
			nodeB.perform(post("/logout/backchannel").param("logout_token", logoutToken)).andExpect(status().isOk());
		}));
	}

	@Test
	void getWhenSharedStoreUnreadableThenSessionGoesOn() {
		run(this.sharingNode, (mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.ended.end(Optional.of(TestOpenIdProvider.SUBJECT), Optional.of(this.provider.sessionId()),
					Instant.now());
			this.failing.on = true;

			mvc.perform(get("/").session(session)).andExpect(status().isOk());

			assertThat(session.isInvalid()).isFalse();
		});
	}

	@Test
	void backChannelLogoutWhenSharedStoreFailsThenServiceUnavailableButLocalSessionEnded() {
		run(this.sharingNode, (mvc) -> {
			MockHttpSession session = signIn(mvc);
			this.failing.on = true;

			mvc.perform(post("/logout/backchannel").param("logout_token",
					this.provider.logoutToken(this.provider.sessionId())))
				.andExpect(status().isServiceUnavailable());

			assertThat(session.isInvalid()).isTrue();
		});
	}

	private MockHttpSession signIn(MockMvc mvc) throws Exception {
		MvcResult start = mvc.perform(get("/")).andExpect(status().isFound()).andReturn();
		MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
		Map<String, String> callback = this.provider.authorize(URI.create(start.getResponse().getRedirectedUrl()));
		MockHttpServletRequestBuilder request = get(CALLBACK).session(session);
		callback.forEach(request::queryParam);
		mvc.perform(request).andExpect(redirectedUrl("http://localhost/"));
		return session;
	}

	private static void run(WebApplicationContextRunner runner, ThrowingConsumer<MockMvc> test) {
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			WebApplicationContext web = context.getSourceApplicationContext();
			test.accept(MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build());
		});
	}

	@RestController
	static class Pages {

		@GetMapping("/")
		String home() {
			return "home";
		}

	}

	/** Makes the shared store fail, as Redis down would. */
	static final class FailingSwitch {

		volatile boolean on;

		EndedSessions wrap(EndedSessions store) {
			return new EndedSessions() {

				@Override
				public void end(Optional<String> subject, Optional<String> sessionId, Instant issuedAt) {
					check();
					store.end(subject, sessionId, issuedAt);
				}

				@Override
				public boolean isEnded(String subject, Optional<String> sessionId, Instant signedInAt) {
					check();
					return store.isEnded(subject, sessionId, signedInAt);
				}

			};
		}

		private void check() {
			if (this.on) {
				throw new IllegalStateException("store unreachable");
			}
		}

	}

}
