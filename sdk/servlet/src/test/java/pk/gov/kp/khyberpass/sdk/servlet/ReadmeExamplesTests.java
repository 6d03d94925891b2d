package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertiesPropertySource;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.ReplayStore;
import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of this module's {@code README.md}, run against the test provider in an
 * embedded Tomcat: the Spring Boot 3 registration, the {@code web.xml} declarations (read
 * by Tomcat's own parser), reading the citizen and the access token, two nodes sharing
 * stores, and the refusals. Each of the README's {@code java} blocks must appear in this
 * file as it is (indentation aside), and its settings table must name what the filter
 * reads, with the defaults it has.
 */
class ReadmeExamplesTests {

	private static final Path README = Path.of("README.md");

	private static final Path THIS_FILE = Path
		.of("src/test/java/pk/gov/kp/khyberpass/sdk/servlet/ReadmeExamplesTests.java");

	/**
	 * A valid value for every name {@link KhyberPassFilterSettings#fromParameters} reads.
	 */
	private static final Map<String, String> SETTING_SAMPLES = Map.of("callback-path", "/cb", "redirect-uri",
			"https://vehicles.kp.gov.pk/cb", "logout-path", "/signout", "backchannel-logout-path", "/bcl",
			"protected-paths", "/account/", "api-paths", "/v1/", "post-logout-redirect-uri",
			"https://vehicles.kp.gov.pk/", "scopes", "profile", "minimum-acr", "/payments/=urn:kp:loa:2");

	/** The init-params only {@link KhyberPassFilter#init} reads, for its client. */
	private static final Set<String> CLIENT_PARAMETERS = Set.of("issuer", "client-id", "client-secret");

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final Deque<AutoCloseable> resources = new ArrayDeque<>();

	private final TestBrowser browser = new TestBrowser();

	@AfterEach
	void stop() throws Exception {
		while (!this.resources.isEmpty()) {
			this.resources.pop().close();
		}
		this.provider.close();
	}

	@Test
	void readmeWhenJavaBlocksThenEachAppearsInThisFile() throws IOException {
		List<String> blocks = blocks("java");
		String source = "\n" + trimmed(Files.readString(THIS_FILE)) + "\n";

		assertThat(blocks).hasSize(4);
		assertThat(blocks).as("README blocks missing from %s", THIS_FILE)
			.filteredOn((block) -> !source.contains("\n" + trimmed(block) + "\n"))
			.isEmpty();
	}

	@Test
	void readmeWhenSettingsTableThenItNamesEveryInitParamWithItsDefault() throws IOException {
		Map<String, List<String>> table = settingsTable();
		KhyberPassFilterSettings defaults = KhyberPassFilterSettings.builder().build();
		Map<String, String> literalDefaults = Map.of("callback-path", defaults.callbackPath(), "logout-path",
				defaults.logoutPath(), "backchannel-logout-path", defaults.backChannelLogoutPath(), "protected-paths",
				String.join(", ", defaults.protectedPaths()), "api-paths", String.join(", ", defaults.apiPaths()));
		Set<String> builderMethods = Arrays.stream(KhyberPassFilterSettings.Builder.class.getMethods())
			.map(Method::getName)
			.collect(Collectors.toSet());

		Set<String> expected = new LinkedHashSet<>(CLIENT_PARAMETERS);
		expected.addAll(SETTING_SAMPLES.keySet());
		assertThat(initParametersReadByTheCode()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(expected);
		SETTING_SAMPLES.forEach((name, sample) -> {
			KhyberPassFilterSettings changed = KhyberPassFilterSettings.fromParameters(Map.of(name, sample)::get);
			assertThat(describe(changed)).as("%s is read", name).isNotEqualTo(describe(defaults));
			String builderMethod = table.get(name).get(0).replaceAll("[`()]", "");
			assertThat(builderMethods).as("builder method of %s", name).contains(builderMethod);
			String defaultCell = table.get(name).get(1);
			if (literalDefaults.containsKey(name)) {
				assertThat(defaultCell).as("default of %s", name).contains("`" + literalDefaults.get(name) + "`");
			}
			else {
				assertThat(defaultCell).as("default of %s", name).matches("(none|derived).*");
			}
		});
		assertThat(defaults.redirectUri()).isEmpty();
		assertThat(defaults.postLogoutRedirectUri()).isEmpty();
		assertThat(defaults.scopes()).isEmpty();
		assertThat(defaults.minimumAcr()).isEmpty();
	}

	@Test
	void springBoot3RegistrationWhenCitizenOpensProtectedPageThenSignsInAndPageReadsPrincipal() throws IOException {
		TestServletApplication application = startSpringBoot3Application();

		HttpResponse<String> login = this.browser.get(application.uri("/account/vehicles"));
		HttpResponse<String> callback = this.browser.get(this.provider.authorize(TestBrowser.location(login)));
		HttpResponse<String> page = this.browser.get(TestBrowser.location(callback));

		assertThat(TestOpenIdProvider.query(TestBrowser.location(login))).containsEntry("scope", "openid profile");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).isEqualTo("Welcome, Test Citizen");
	}

	@Test
	void springBoot3RegistrationWhenPaymentsBelowMinimumAcrThenStepUpThenMultiFactorPage() throws IOException {
		TestServletApplication application = startSpringBoot3Application();
		signIn(application, Map.of());

		HttpResponse<String> stepUp = this.browser.get(application.uri("/payments/fines"));
		HttpResponse<String> callback = this.browser
			.get(this.provider.authorize(TestBrowser.location(stepUp), Map.of("acr", AssuranceLevel.LOA2.value())));
		HttpResponse<String> page = this.browser.get(TestBrowser.location(callback));

		assertThat(TestOpenIdProvider.query(TestBrowser.location(stepUp))).containsEntry("acr_values", "urn:kp:loa:2");
		assertThat(page.body()).isEqualTo("Welcome, Test Citizen (multi-factor)");
	}

	@Test
	void apiWhenTokenHasScopeThenServletReadsVerifiedTokenOtherwiseForbidden() throws IOException {
		TestServletApplication application = startSpringBoot3Application();

		HttpResponse<String> allowed = api(application, this.provider.accessToken(Map.of()));
		HttpResponse<String> forbidden = api(application, this.provider.accessToken(Map.of("scope", "openid")));

		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.body()).isEqualTo("Vehicles of citizen-1");
		assertThat(forbidden.statusCode()).isEqualTo(403);
	}

	@Test
	void webXmlWhenFilterDeclaredWithoutSecretThenSecretFromEnvironmentSignsIn() throws IOException {
		String filter = block("xml", "<filter>");
		assertThat(filter).contains("https://login.kp.gov.pk").doesNotContain("client-secret");
		TestServletApplication application = startWebXml(
				filter.replace("https://login.kp.gov.pk", this.provider.issuer()));

		HttpResponse<String> login = this.browser.get(application.uri("/account/vehicles"));
		HttpResponse<String> callback = this.browser.get(this.provider.authorize(TestBrowser.location(login)));
		HttpResponse<String> page = this.browser.get(TestBrowser.location(callback));
		HttpResponse<String> payments = this.browser.get(application.uri("/payments/fines"));

		assertThat(System.getenv("KHYBERPASS_CLIENT_SECRET")).isEqualTo(TestOpenIdProvider.CLIENT_SECRET);
		assertThat(TestOpenIdProvider.query(TestBrowser.location(login))).containsEntry("scope", "openid profile");
		assertThat(page.body()).isEqualTo("Welcome, Test Citizen");
		assertThat(TestOpenIdProvider.query(TestBrowser.location(payments))).containsEntry("acr_values",
				"urn:kp:loa:2");
	}

	@Test
	void webXmlWhenSessionConfigThenSessionCookieHttpOnlySecureSameSiteLax() throws IOException {
		String filter = block("xml", "<filter>").replace("https://login.kp.gov.pk", this.provider.issuer());
		TestServletApplication application = startWebXml(filter + "\n" + block("xml", "<session-config>"));

		HttpResponse<String> login = this.browser.get(application.uri("/account/vehicles"));

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().allValues("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("; HttpOnly")
				.contains("; Secure")
				.contains("; SameSite=Lax"));
	}

	@Test
	void severalNodesWhenStoresSharedThenLogoutAtOneNodeEndsSessionAtOtherAndReplayRefused() {
		URI issuer = URI.create(this.provider.issuer());
		ReplayStore replays = ReplayStore.inMemory(1000, Clock.systemUTC());
		EndedSessions endedSessions = EndedSessions.inMemory(Duration.ofHours(24), Clock.systemUTC());
		TestServletApplication nodeA = startNode(issuer, replays, endedSessions);
		TestServletApplication nodeB = startNode(issuer, replays, endedSessions);
		signIn(nodeB, Map.of("sid", "sso-1"));
		String logoutToken = this.provider.logoutToken("citizen-1", "sso-1", "jti-1");

		HttpResponse<String> logout = postLogoutToken(nodeA, logoutToken);
		HttpResponse<String> replay = postLogoutToken(nodeB, logoutToken);

		assertThat(logout.statusCode()).isEqualTo(200);
		assertThat(this.browser.get(nodeB.uri("/account/")).statusCode()).isEqualTo(302);
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(replay.body()).isEqualTo("{\"error\":\"invalid_request\"}");
	}

	@Test
	void severalNodesWhenSharedStoresFailThenLogoutAnswersAnErrorAndSignedInRequestsFail() {
		URI issuer = URI.create(this.provider.issuer());
		ReplayStore failingReplays = (id, expiresAt) -> {
			throw new IllegalStateException("store unreachable");
		};
		TestServletApplication replaysDown = startNode(issuer, failingReplays,
				EndedSessions.inMemory(Duration.ofHours(24), Clock.systemUTC()));
		TestServletApplication endedSessionsDown = startNode(issuer, ReplayStore.inMemory(1000, Clock.systemUTC()),
				new UnreachableEndedSessions());
		signIn(endedSessionsDown, Map.of());
		// the application's log, where Tomcat writes the exceptions this test expects
		// with their stack traces
		Logger applicationLog = Logger.getLogger("org.apache.catalina.core.ContainerBase.[Tomcat].[127.0.0.1].[/]");
		Level applicationLogLevel = applicationLog.getLevel();
		applicationLog.setLevel(Level.OFF);
		this.resources.push(() -> applicationLog.setLevel(applicationLogLevel));

		HttpResponse<String> logoutReplaysDown = postLogoutToken(replaysDown,
				this.provider.logoutToken("citizen-1", "sso-1", "jti-1"));
		HttpResponse<String> logoutEndedSessionsDown = postLogoutToken(endedSessionsDown,
				this.provider.logoutToken("citizen-1", "sso-1", "jti-2"));
		HttpResponse<String> page = this.browser.get(endedSessionsDown.uri("/account/"));

		assertThat(logoutReplaysDown.statusCode()).isEqualTo(503);
		assertThat(logoutReplaysDown.body()).isEqualTo("{\"error\":\"temporarily_unavailable\"}");
		assertThat(logoutEndedSessionsDown.statusCode()).isEqualTo(500);
		assertThat(page.statusCode()).isEqualTo(500);
	}

	@Test
	void refusalsWhenKhyberPassUnreachableOrHeadersDoubledThenAsTheReadmeSays() throws IOException {
		KhyberPassClient unreachable = KhyberPassClient
			.builder(URI.create("http://127.0.0.1:" + closedPort()), TestOpenIdProvider.CLIENT_ID,
					ClientAuthentication.clientSecretBasic(TestOpenIdProvider.CLIENT_SECRET))
			.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
			.build();
		this.resources.push(unreachable);
		TestServletApplication application = started(TestServletApplication
			.start(new KhyberPassFilter(unreachable, KhyberPassFilterSettings.builder().build())));

		HttpResponse<String> page = this.browser.get(application.uri("/account/"));
		HttpResponse<String> api = this.browser.send(HttpRequest.newBuilder(application.uri("/api/vehicles"))
			.header("Authorization", "Bearer a")
			.header("Authorization", "Bearer b")
			.build());
		HttpResponse<String> apiKeysUnreachable = this.browser
			.send(HttpRequest.newBuilder(application.uri("/api/vehicles"))
				.header("Authorization", "Bearer " + this.provider.accessToken(Map.of()))
				.header("Accept-Language", "ur")
				.build());

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).startsWith("default-src 'none'"));
		assertThat(page.body())
			.contains("<p>Sign-in with Khyber Pass is not available right now. Please try again in a few minutes.</p>");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_request\"");
		assertThat(apiKeysUnreachable.statusCode()).isEqualTo(503);
		assertThat(apiKeysUnreachable.headers().firstValue("Content-Type")).contains("text/plain;charset=UTF-8");
		assertThat(apiKeysUnreachable.body()).isEqualTo("Token verification is not available right now.\n");
	}

	/**
	 * The README's Spring Boot 3 configuration in a Spring context, its registration
	 * applied as Boot does.
	 */
	private TestServletApplication startSpringBoot3Application() throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(block("properties", "khyberpass.issuer")));
		assertThat(properties).containsKeys("khyberpass.issuer", "khyberpass.client-id");
		properties.setProperty("khyberpass.issuer", this.provider.issuer());
		AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
		spring.getEnvironment().getPropertySources().addFirst(new PropertiesPropertySource("readme", properties));
		spring.register(KhyberPassConfiguration.class);
		spring.refresh();
		this.resources.push(spring);
		FilterRegistrationBean<?> registration = spring.getBean(FilterRegistrationBean.class);
		return started(TestServletApplication.start((classes, servletContext) -> {
			registration.onStartup(servletContext);
			servletContext.addServlet("page", new PageServlet()).addMapping("/");
		}));
	}

	/**
	 * One node of several, registering its filter in code with the stores all nodes
	 * share.
	 */
	private TestServletApplication startNode(URI issuer, ReplayStore replays, EndedSessions endedSessions) {
		List<KhyberPassClient> clients = new ArrayList<>();
		TestServletApplication node = started(TestServletApplication.start((classes, servletContext) -> {
			// @formatter:off
			KhyberPassClient client = KhyberPassClient
				.builder(issuer, "vehicles", ClientAuthentication.clientSecretBasic(System.getenv("KHYBERPASS_CLIENT_SECRET")))
				.logoutReplayStore(replays)
				.build();
			KhyberPassFilterSettings settings = KhyberPassFilterSettings.builder().protectedPaths("/account/").build();
			servletContext.addFilter("khyberpass", new KhyberPassFilter(client, settings, endedSessions))
				.addMappingForUrlPatterns(null, false, "/*");
			// @formatter:on
			servletContext.addServlet("page", new PageServlet()).addMapping("/");
			clients.add(client);
		}));
		clients.forEach(this.resources::push);
		return node;
	}

	private TestServletApplication startWebXml(String declarations) {
		return started(TestServletApplication.startWebXml("""
				<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
				%s
				<servlet>
					<servlet-name>page</servlet-name>
					<servlet-class>%s</servlet-class>
				</servlet>
				<servlet-mapping><servlet-name>page</servlet-name><url-pattern>/</url-pattern></servlet-mapping>
				</web-app>
				""".formatted(declarations, PageServlet.class.getName())));
	}

	private TestServletApplication started(TestServletApplication application) {
		this.resources.push(application);
		return application;
	}

	private void signIn(TestServletApplication application, Map<String, Object> claims) {
		HttpResponse<String> login = this.browser.get(application.uri("/account/"));
		HttpResponse<String> callback = this.browser.get(this.provider.authorize(TestBrowser.location(login), claims));
		assertThat(callback.statusCode()).isEqualTo(302);
	}

	private static HttpResponse<String> api(TestServletApplication application, String accessToken) {
		return new TestBrowser().send(HttpRequest.newBuilder(application.uri("/api/vehicles"))
			.header("Authorization", "Bearer " + accessToken)
			.build());
	}

	private static HttpResponse<String> postLogoutToken(TestServletApplication node, String logoutToken) {
		return new TestBrowser().send(HttpRequest.newBuilder(node.uri("/logout/backchannel"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("logout_token=" + logoutToken))
			.build());
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The names the filter's sources read: so a new init-param cannot miss the table. */
	private static Set<String> initParametersReadByTheCode() throws IOException {
		Path sources = Path.of("src/main/java/pk/gov/kp/khyberpass/sdk/servlet");
		String code = Files.readString(sources.resolve("KhyberPassFilterSettings.java"))
				+ Files.readString(sources.resolve("KhyberPassFilter.java"));
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = Pattern
			.compile("(?:parameter\\(parameters, |required\\(config, |getInitParameter\\()\"([a-z-]+)\"")
			.matcher(code);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** Every value the settings hold, to tell whether a parameter changed them. */
	private static String describe(KhyberPassFilterSettings settings) {
		return settings + " " + settings.redirectUri() + " " + settings.postLogoutRedirectUri();
	}

	/**
	 * The README's fenced blocks of a language (also indented in a list), without their
	 * fences.
	 */
	private static List<String> blocks(String language) throws IOException {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?ms)^[ \\t]*```" + language + "\\n(.*?)^[ \\t]*```")
			.matcher(Files.readString(README));
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

	/** The one README block of a language that contains a text. */
	private static String block(String language, String containing) throws IOException {
		List<String> matching = blocks(language).stream().filter((block) -> block.contains(containing)).toList();
		assertThat(matching).as("README %s blocks with %s", language, containing).hasSize(1);
		return matching.get(0);
	}

	/** The settings table: init-param name to its other cells. */
	private static Map<String, List<String>> settingsTable() throws IOException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|(.*)\\|$").matcher(Files.readString(README));
		while (matcher.find()) {
			rows.put(matcher.group(1), Arrays.stream(matcher.group(2).split("\\|")).map(String::trim).toList());
		}
		return rows;
	}

	/** Each line without its indentation and trailing spaces. */
	private static String trimmed(String text) {
		return text.lines().map(String::strip).collect(Collectors.joining("\n")).strip();
	}

	/** A shared store that cannot be reached. */
	private static final class UnreachableEndedSessions implements EndedSessions {

		@Override
		public void end(Optional<String> subject, Optional<String> sessionId, Instant issuedAt) {
			throw new IllegalStateException("store unreachable");
		}

		@Override
		public boolean isEnded(String subject, Optional<String> sessionId, Instant signedInAt) {
			throw new IllegalStateException("store unreachable");
		}

	}

	/**
	 * The application's own servlet: the README's lines reading the citizen on a page and
	 * the access token on an API path.
	 */
	public static final class PageServlet extends HttpServlet {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			if (request.getServletPath().startsWith("/api/")) {
				api(request, response);
			}
			else {
				page(request, response);
			}
		}

		private static void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
			// @formatter:off
			KhyberPassPrincipal citizen = (KhyberPassPrincipal) request.getUserPrincipal();
			String greeting = "Welcome, " + citizen.displayName().orElse("citizen");
			boolean multiFactor = citizen.assuranceLevel().filter((level) -> level.isAtLeast(AssuranceLevel.LOA2)).isPresent();
			// @formatter:on
			write(response, greeting + (multiFactor ? " (multi-factor)" : ""));
		}

		private static void api(HttpServletRequest request, HttpServletResponse response) throws IOException {
			// @formatter:off
			VerifiedAccessToken token = (VerifiedAccessToken) request.getAttribute(KhyberPassFilter.ACCESS_TOKEN_ATTRIBUTE);
			if (!token.hasScope("vehicles.read")) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
				return;
			}
			// @formatter:on
			write(response, "Vehicles of " + token.subject());
		}

		private static void write(HttpServletResponse response, String text) throws IOException {
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().print(text);
		}

	}

}

/** The README's Spring Boot 3 configuration. */
// @formatter:off
@Configuration
class KhyberPassConfiguration {

	@Bean
	KhyberPassClient khyberPassClient(Environment environment) {
		return KhyberPassClient
			.builder(URI.create(environment.getRequiredProperty("khyberpass.issuer")),
					environment.getRequiredProperty("khyberpass.client-id"),
					ClientAuthentication.clientSecretBasic(environment.getRequiredProperty("KHYBERPASS_CLIENT_SECRET")))
			.build();
	}

	@Bean
	FilterRegistrationBean<KhyberPassFilter> khyberPassFilter(KhyberPassClient khyberPassClient) {
		KhyberPassFilterSettings settings = KhyberPassFilterSettings.builder()
			.protectedPaths("/account/", "/payments/")
			.minimumAcr("/payments/", AssuranceLevel.LOA2)
			.scopes("profile")
			.postLogoutRedirectUri(URI.create("https://vehicles.kp.gov.pk/"))
			.build();
		FilterRegistrationBean<KhyberPassFilter> registration = new FilterRegistrationBean<>(
				new KhyberPassFilter(khyberPassClient, settings));
		registration.addUrlPatterns("/*");
		return registration;
	}

}
// @formatter:on
