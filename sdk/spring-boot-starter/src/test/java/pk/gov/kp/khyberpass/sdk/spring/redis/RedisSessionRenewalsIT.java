package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import pk.gov.kp.khyberpass.sdk.SessionRenewals;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassAutoConfiguration;
import pk.gov.kp.khyberpass.sdk.spring.MovableClock;
import pk.gov.kp.khyberpass.sdk.spring.TestOpenIdProvider;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassCitizenTokens;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassWebSecurityAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two nodes of one department service (two application contexts) sharing the citizen's
 * session through Spring Session in a real Redis ({@code KHYBERPASS_IT_REDIS_URL},
 * default {@code redis://127.0.0.1:6379}), with no sticky sessions, against a fake Khyber
 * Pass that revokes the sign-in when a spent refresh token comes back: when both nodes
 * renew the citizen's access token at the same moment, the starter's
 * {@link RedisSessionRenewals} makes one token request and the sign-in goes on; with the
 * per-node default the spent token is presented again and the sign-in is revoked. A
 * refusal is shared too; with Redis down, a node renews on its own. Skips with one line
 * when Redis is absent, unless {@code KHYBERPASS_IT_REQUIRED=true}, where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisSessionRenewalsIT {

	private static final String CALLBACK = "/login/khyberpass/callback";

	private static final String CLOSED_PORT = "1";

	private final String sessions = "khyberpass-it:" + UUID.randomUUID();

	private MovableClock clock = new MovableClock();

	private TestOpenIdProvider provider;

	private RealRedis realRedis;

	private StringRedisTemplate redis;

	@BeforeAll
	void connect() {
		this.realRedis = RealRedis.reachableOrSkip();
		this.redis = this.realRedis.template();
	}

	@BeforeEach
	void startClock() {
		this.clock = new MovableClock();
	}

	@AfterEach
	void cleanUp() {
		if (this.provider != null) {
			this.provider.close();
			this.provider = null;
		}
		Set<String> keys = this.redis.keys(this.sessions + ":*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	@AfterAll
	void disconnect() {
		if (this.realRedis != null) {
			this.realRedis.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "indexed" })
	void tokenWhenTwoNodesRenewAtOnceThenOneTokenRequestAndSignInGoesOn(String sessionRepository) {
		WebApplicationContextRunner node = node(true, sessionRepository);
		run(node, (nodeA) -> run(node, (nodeB) -> {
			Cookie session = signIn(nodeA);
			this.clock.advance(Duration.ofSeconds(280));
			this.provider.tokenDelay(Duration.ofMillis(300));

			List<MvcResult> results = atOnce(nodeA, nodeB, session);

			assertThat(results).doesNotContainNull()
				.allSatisfy((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
			String renewed = results.get(0).getResponse().getContentAsString();
			assertThat(results.get(1).getResponse().getContentAsString()).isEqualTo(renewed);
			assertThat(refreshRequests()).containsExactly(this.provider.refreshToken(1));
			assertThat(this.provider.refreshRevoked()).isFalse();
			String later = nodeB.perform(get("/token").cookie(session)).andReturn().getResponse().getContentAsString();
			assertThat(later).isEqualTo(renewed);
			assertThat(refreshRequests()).hasSize(1);
		}));
	}

	@Test
	void tokenWhenTwoNodesRenewAtOnceWithPerNodeDefaultThenSpentTokenPresentedAgainAndSignInRevoked() {
		WebApplicationContextRunner node = node(false);
		run(node, (nodeA) -> run(node, (nodeB) -> {
			Cookie session = signIn(nodeA);
			this.clock.advance(Duration.ofSeconds(280));
			this.provider.tokenDelay(Duration.ofMillis(300));

			List<MvcResult> results = atOnce(nodeA, nodeB, session);

			assertThat(refreshRequests()).containsExactly(this.provider.refreshToken(1), this.provider.refreshToken(1));
			assertThat(this.provider.refreshRevoked()).isTrue();
			// one node ends the session (sign in again); the other answers, or fails
			// saving the ended session
			assertThat(results).filteredOn(Objects::nonNull)
				.anySatisfy((result) -> assertThat(result.getResponse().getRedirectedUrl())
					.startsWith(this.provider.issuer() + "/authorize?"));
		}));
	}

	@Test
	void tokenWhenKhyberPassRefusesThenBothNodesSendTheCitizenToSignInAfterOneTokenRequest() {
		WebApplicationContextRunner node = node(true);
		run(node, (nodeA) -> run(node, (nodeB) -> {
			Cookie session = signIn(nodeA);
			this.provider.revokeRefreshTokens();
			this.clock.advance(Duration.ofSeconds(280));
			this.provider.tokenDelay(Duration.ofMillis(300));

			List<MvcResult> results = atOnce(nodeA, nodeB, session);

			assertThat(results).doesNotContainNull()
				.allSatisfy((result) -> assertThat(result.getResponse().getRedirectedUrl())
					.startsWith(this.provider.issuer() + "/authorize?"));
			assertThat(refreshRequests()).hasSize(1);
		}));
	}

	@Test
	void tokenWhenRenewedThenRedisHoldsNoTokenInClearAndEntriesExpire() {
		WebApplicationContextRunner node = node(true);
		run(node, (nodeA) -> {
			Cookie session = signIn(nodeA);
			this.clock.advance(Duration.ofSeconds(280));

			String renewed = nodeA.perform(get("/token").cookie(session))
				.andReturn()
				.getResponse()
				.getContentAsString();

			RedisKeys keys = new RedisKeys(TestOpenIdProvider.CLIENT_ID);
			String renewal = renewalId(this.provider.refreshToken(1));
			String outcome = this.redis.opsForValue().get(keys.key("renewal", renewal));
			assertThat(outcome).isNotNull()
				.doesNotContain(renewed)
				.doesNotContain(this.provider.refreshToken(1))
				.doesNotContain(this.provider.refreshToken(2));
			assertThat(keys.key("renewal", renewal)).doesNotContain(this.provider.refreshToken(1))
				.startsWith("khyberpass:" + TestOpenIdProvider.CLIENT_ID + ":renewal:");
			assertThat(this.redis.getExpire(keys.key("renewal", renewal), TimeUnit.SECONDS)).isBetween(50L, 60L);
			assertThat(this.redis.getExpire(keys.key("renewal-claim", renewal), TimeUnit.SECONDS)).isBetween(10L, 20L);
		});
	}

	@Test
	void tokenWhenRedisDownThenRenewedOnThisNodeAndSessionKept() {
		WebApplicationContextRunner down = starter(true).withPropertyValues("spring.data.redis.port=" + CLOSED_PORT);
		run(down, (mvc) -> {
			MockHttpSession session = signInWithLocalSession(mvc);
			this.clock.advance(Duration.ofSeconds(280));

			mvc.perform(get("/token").session(session)).andExpect(status().isOk());

			assertThat(session.isInvalid()).isFalse();
			assertThat(refreshRequests()).containsExactly(this.provider.refreshToken(1));
			assertThat(this.provider.refreshRevoked()).isFalse();
		});
	}

	@Test
	void claimWhenClaimedOnAnotherConnectionThenRefusedUntilReleased() {
		String clientId = "it-" + UUID.randomUUID();
		SessionRenewals onA = new RedisSessionRenewals(this.realRedis.template(), clientId);
		SessionRenewals onB = new RedisSessionRenewals(this.realRedis.template(), clientId);

		assertThat(onA.claim("renewal-1", Duration.ofSeconds(20))).isTrue();

		assertThat(onB.claim("renewal-1", Duration.ofSeconds(20))).isFalse();
		onA.publish("renewal-1", "sealed", Duration.ofMinutes(1));
		assertThat(onB.outcome("renewal-1")).contains("sealed");
		onA.release("renewal-1");
		assertThat(onB.claim("renewal-1", Duration.ofSeconds(20))).isTrue();
		this.redis.delete(List.of(new RedisKeys(clientId).key("renewal", "renewal-1"),
				new RedisKeys(clientId).key("renewal-claim", "renewal-1")));
	}

	/**
	 * A node: the starter with Spring Session in Redis; with or without the starter's
	 * Redis stores.
	 */
	private WebApplicationContextRunner node(boolean sharedRenewals) {
		return node(sharedRenewals, "default");
	}

	/**
	 * A node with Spring Session's {@code default} or {@code indexed} Redis repository.
	 */
	private WebApplicationContextRunner node(boolean sharedRenewals, String repositoryType) {
		return starter(sharedRenewals)
			.withConfiguration(
					AutoConfigurations.of(SessionAutoConfiguration.class, SessionDataRedisAutoConfiguration.class))
			.withPropertyValues("spring.session.data.redis.namespace=" + this.sessions,
					"spring.session.data.redis.repository-type=" + repositoryType);
	}

	/**
	 * The starter and Spring Data Redis, sessions in memory; with or without the
	 * starter's Redis stores.
	 */
	private WebApplicationContextRunner starter(boolean sharedRenewals) {
		if (this.provider == null) {
			this.provider = TestOpenIdProvider.start();
		}
		AutoConfigurations starter = sharedRenewals
				? AutoConfigurations.of(KhyberPassAutoConfiguration.class, KhyberPassWebSecurityAutoConfiguration.class,
						KhyberPassRedisAutoConfiguration.class)
				: AutoConfigurations.of(KhyberPassAutoConfiguration.class,
						KhyberPassWebSecurityAutoConfiguration.class);
		return new WebApplicationContextRunner().withConfiguration(starter)
			.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withUserConfiguration(Pages.class)
			.withBean(Clock.class, () -> this.clock)
			.withPropertyValues("khyberpass.issuer=" + this.provider.issuer(),
					"khyberpass.client-id=" + TestOpenIdProvider.CLIENT_ID,
					"khyberpass.client-secret=" + TestOpenIdProvider.CLIENT_SECRET,
					"spring.data.redis.host=" + this.realRedis.host, "spring.data.redis.port=" + this.realRedis.port);
	}

	/** The browser signs in on this node; returns its session cookie. */
	private Cookie signIn(MockMvc node) throws Exception {
		MvcResult start = node.perform(get("/")).andExpect(status().isFound()).andReturn();
		Cookie session = start.getResponse().getCookie("SESSION");
		assertThat(session).as("Spring Session's cookie").isNotNull();
		Map<String, String> callback = this.provider.authorize(URI.create(start.getResponse().getRedirectedUrl()));
		MockHttpServletRequestBuilder request = get(CALLBACK).cookie(session);
		callback.forEach(request::queryParam);
		MvcResult done = node.perform(request).andExpect(redirectedUrl("http://localhost/")).andReturn();
		Cookie signedIn = done.getResponse().getCookie("SESSION");
		return (signedIn != null) ? signedIn : session;
	}

	private MockHttpSession signInWithLocalSession(MockMvc node) throws Exception {
		MvcResult start = node.perform(get("/")).andExpect(status().isFound()).andReturn();
		MockHttpSession session = (MockHttpSession) start.getRequest().getSession(false);
		Map<String, String> callback = this.provider.authorize(URI.create(start.getResponse().getRedirectedUrl()));
		MockHttpServletRequestBuilder request = get(CALLBACK).session(session);
		callback.forEach(request::queryParam);
		node.perform(request).andExpect(redirectedUrl("http://localhost/"));
		return session;
	}

	/**
	 * The same browser session asks both nodes for the citizen's access token at the same
	 * moment; a request that failed (as when the other node invalidated the session
	 * meanwhile) is {@code null}.
	 */
	private static List<MvcResult> atOnce(MockMvc nodeA, MockMvc nodeB, Cookie session) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<MvcResult>> results = new ArrayList<>();
			for (MockMvc node : List.of(nodeA, nodeB)) {
				results.add(pool.submit(() -> {
					start.await();
					return node.perform(get("/token").cookie(session)).andReturn();
				}));
			}
			start.countDown();
			List<MvcResult> done = new ArrayList<>();
			for (Future<MvcResult> result : results) {
				try {
					done.add(result.get(30, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					done.add(null);
				}
			}
			return done;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The renewal identifier the SDK derives from a refresh token: HMAC-SHA-256 keyed
	 * with it, base64url.
	 */
	private static String renewalId(String refreshToken) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(refreshToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] id = mac.doFinal("khyberpass session renewal id".getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

	private List<String> refreshRequests() {
		return this.provider.tokenRequests()
			.stream()
			.filter((form) -> "refresh_token".equals(form.get("grant_type")))
			.map((form) -> form.get("refresh_token"))
			.toList();
	}

	private static void run(WebApplicationContextRunner runner, ThrowingConsumer<MockMvc> test) {
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			WebApplicationContext web = context.getSourceApplicationContext();
			DefaultMockMvcBuilder mvc = MockMvcBuilders.webAppContextSetup(web);
			if (web.containsBean("springSessionRepositoryFilter")) {
				mvc.addFilters(web.getBean("springSessionRepositoryFilter", Filter.class));
			}
			test.accept(mvc.apply(springSecurity()).build());
		});
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

	}

}
