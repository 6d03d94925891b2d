package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.nimbusds.oauth2.sdk.TokenResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.keys.SigningAlgorithm;
import pk.gov.kp.khyberpass.keys.SigningKeyState;
import pk.gov.kp.khyberpass.keys.SigningKeys;
import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.ApiScopes;
import pk.gov.kp.khyberpass.oidc.ClientAdministration;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin API endpoint against every kind of caller: the three admin roles, a console
 * token of an account without a role, a real token of another client (held by a security
 * admin), a console token at {@code urn:kp:loa:2}, a console token for another audience,
 * a token not signed by the server, and no token. Allowed callers get 2xx; the others 401
 * (no or bad token, with {@code WWW-Authenticate}) or 403, with an empty body.
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=" + AdminApiTestSupport.AUDIENCE,
		"khyberpass.admin.bootstrap-cnic=" + AdminApiTestSupport.ALPHA_CNIC })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiAuthorizationIT {

	private static final Set<Caller> ALL_ADMINS = EnumSet.of(Caller.SECURITY_ADMIN, Caller.HELPDESK, Caller.AUDITOR);

	private static final Set<Caller> SECURITY_ADMIN = EnumSet.of(Caller.SECURITY_ADMIN);

	private static final Set<Caller> SUPPORT = EnumSet.of(Caller.SECURITY_ADMIN, Caller.HELPDESK);

	private static final Set<Caller> READERS = EnumSet.of(Caller.SECURITY_ADMIN, Caller.AUDITOR);

	private static final String CLIENT_BODY = """
			{"reason":"matrix test","clientId":"%s","grantTypes":["client_credentials"],"scopes":["vehicles.read"],
			 "requireConsent":false}""";

	private static final String UPDATE_BODY = """
			{"reason":"matrix test","clientName":"Matrix %s","grantTypes":["client_credentials"],
			 "scopes":["vehicles.read"],"requireConsent":false}""";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	JwtEncoder jwtEncoder;

	@Autowired
	AccountService accounts;

	@Autowired
	ClientAdministration clients;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	ApiScopes apiScopes;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private AdminApiTestSupport api;

	private final Map<Caller, @Nullable String> tokens = new java.util.EnumMap<>(Caller.class);

	private String target = "";

	@BeforeAll
	void tokensAndRoles() {
		this.api = new AdminApiTestSupport(this.jwtEncoder, this.issuer);
		String alpha = accountId(AdminApiTestSupport.ALPHA_CNIC);
		String bravo = accountId(AdminApiTestSupport.BRAVO_CNIC);
		String charlie = accountId(AdminApiTestSupport.CHARLIE_CNIC);
		this.target = accountId("35202-1234567-3");
		String alphaToken = this.api.adminToken(alpha);
		assertThat(this.api
			.send("PUT", "/admin/api/admins/" + bravo + "/roles/helpdesk", alphaToken,
					AdminApiTestSupport.reason("matrix helpdesk"))
			.statusCode()).isEqualTo(200);
		assertThat(this.api
			.send("PUT", "/admin/api/admins/" + charlie + "/roles/auditor", alphaToken,
					AdminApiTestSupport.reason("matrix auditor"))
			.statusCode()).isEqualTo(200);
		this.tokens.put(Caller.SECURITY_ADMIN, alphaToken);
		this.tokens.put(Caller.HELPDESK, this.api.adminToken(bravo));
		this.tokens.put(Caller.AUDITOR, this.api.adminToken(charlie));
		this.tokens.put(Caller.NO_ADMIN_ROLE, this.api.adminToken(accountId(AdminApiTestSupport.DELTA_CNIC)));
		this.tokens.put(Caller.OTHER_CLIENT, otherClientToken());
		this.tokens.put(Caller.CONSOLE_LOA2, this.api.token(AdminApiTestSupport.CONSOLE, AdminApiTestSupport.AUDIENCE,
				AdminApiTestSupport.LOA2, alpha));
		this.tokens.put(Caller.OTHER_AUDIENCE, this.api.token(AdminApiTestSupport.CONSOLE,
				"https://mvr.example.test/api", AdminApiTestSupport.LOA3, alpha));
		this.tokens.put(Caller.FORGED, forged(alphaToken));
		this.tokens.put(Caller.NO_TOKEN, null);
		this.clients.create(
				new DepartmentClient("matrix-client", "Matrix", null, DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC,
						Set.of("client_credentials"), List.of(), List.of(), Set.of("vehicles.read"), null, false, false,
						"urn:kp:loa:1", null, null, "RS256", java.time.Duration.ofHours(1), List.of()));
		this.apiScopes.put(new ApiScope("matrix.read", "Matrix records", null, null), "matrix-setup");
	}

	static Stream<Arguments> matrix() {
		List<Endpoint> endpoints = List.of(new Endpoint("GET", "/admin/api/me", null, ALL_ADMINS),
				new Endpoint("GET", "/admin/api/clients", null, READERS),
				new Endpoint("GET", "/admin/api/clients/matrix-client", null, READERS),
				new Endpoint("POST", "/admin/api/clients", CLIENT_BODY, SECURITY_ADMIN),
				new Endpoint("PUT", "/admin/api/clients/matrix-client", UPDATE_BODY, SECURITY_ADMIN),
				new Endpoint("POST", "/admin/api/clients/matrix-client/disable", "{\"reason\":\"matrix\"}",
						SECURITY_ADMIN),
				new Endpoint("POST", "/admin/api/clients/matrix-client/enable", "{\"reason\":\"matrix\"}",
						SECURITY_ADMIN),
				new Endpoint("POST", "/admin/api/clients/matrix-client/secret", "{\"reason\":\"matrix\"}",
						SECURITY_ADMIN),
				new Endpoint("DELETE", "/admin/api/clients/{doomed}?reason=matrix", null, SECURITY_ADMIN),
				new Endpoint("GET", "/admin/api/scopes", null, SECURITY_ADMIN),
				new Endpoint("GET", "/admin/api/scopes/matrix.read", null, SECURITY_ADMIN),
				new Endpoint("PUT", "/admin/api/scopes/matrix.read",
						"{\"reason\":\"matrix\",\"descriptionEn\":\"Matrix records of %s\"}", SECURITY_ADMIN),
				new Endpoint("DELETE", "/admin/api/scopes/{doomedScope}?reason=matrix", null, SECURITY_ADMIN),
				new Endpoint("GET", "/admin/api/citizens?name=Tariq", null, SUPPORT),
				new Endpoint("GET", "/admin/api/citizens?cnic=35202-1234567-3", null, SUPPORT),
				new Endpoint("GET", "/admin/api/citizens/{citizen}", null, SUPPORT),
				new Endpoint("POST", "/admin/api/citizens/{citizen}/cnic", "{\"reason\":\"matrix\"}", SECURITY_ADMIN),
				new Endpoint("POST", "/admin/api/citizens/{citizen}/lock", "{\"reason\":\"matrix\"}", SUPPORT),
				new Endpoint("POST", "/admin/api/citizens/{citizen}/unlock", "{\"reason\":\"matrix\"}", SUPPORT),
				new Endpoint("POST", "/admin/api/citizens/{citizen}/password-reset", "{\"reason\":\"matrix\"}",
						SUPPORT),
				new Endpoint("POST", "/admin/api/citizens/{citizen}/mfa-reset", "{\"reason\":\"matrix\"}", SUPPORT),
				new Endpoint("POST", "/admin/api/citizens/{citizen}/sign-out", "{\"reason\":\"matrix\"}", SUPPORT),
				new Endpoint("GET", "/admin/api/keys", null, READERS),
				new Endpoint("POST", "/admin/api/keys/rotate", "{\"reason\":\"matrix\",\"algorithm\":\"RS256\"}",
						SECURITY_ADMIN),
				new Endpoint("POST", "/admin/api/keys/{nextKid}/retire", "{\"reason\":\"matrix\"}", SECURITY_ADMIN),
				new Endpoint("GET", "/admin/api/audit?limit=5", null, READERS),
				new Endpoint("GET", "/admin/api/audit/export", null, READERS),
				new Endpoint("GET", "/admin/api/audit/verify", null, READERS),
				new Endpoint("GET", "/admin/api/stats?bucket=day", null, ALL_ADMINS),
				new Endpoint("GET", "/admin/api/admins", null, SECURITY_ADMIN),
				new Endpoint("PUT", "/admin/api/admins/{citizen}/roles/auditor", "{\"reason\":\"matrix\"}",
						SECURITY_ADMIN),
				new Endpoint("DELETE", "/admin/api/admins/{citizen}/roles/auditor?reason=matrix", null,
						SECURITY_ADMIN));
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			for (Caller caller : Caller.values()) {
				cases.add(Arguments.of(endpoint, caller));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("matrix")
	void endpointWhenCallerThenAllowedOnlyForItsRoles(Endpoint endpoint, Caller caller) {
		String doomed = "matrix-doomed-" + caller.name().toLowerCase().replace('_', '-');
		if (endpoint.path().contains("{doomed}")) {
			this.clients
				.create(new DepartmentClient(doomed, "Doomed", null, DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC,
						Set.of("client_credentials"), List.of(), List.of(), Set.of("vehicles.read"), null, false, false,
						"urn:kp:loa:1", null, null, "RS256", java.time.Duration.ofHours(1), List.of()));
		}
		String doomedScope = doomed + ".read";
		if (endpoint.path().contains("{doomedScope}")) {
			this.apiScopes.put(new ApiScope(doomedScope, "Doomed records", null, null), "matrix-setup");
		}
		String path = endpoint.path()
			.replace("{citizen}", this.target)
			.replace("{doomedScope}", doomedScope)
			.replace("{doomed}", doomed)
			.replace("{nextKid}", nextRs256Kid());
		String body = (endpoint.body() != null)
				? endpoint.body().formatted("matrix-new-" + caller.name().toLowerCase().replace('_', '-')) : null;

		HttpResponse<String> response = this.api.send(endpoint.method(), path, this.tokens.get(caller), body);

		if (endpoint.allowed().contains(caller)) {
			assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		}
		else {
			int expected = (caller == Caller.NO_TOKEN || caller == Caller.FORGED) ? 401 : 403;
			assertThat(response.statusCode()).isEqualTo(expected);
			assertThat(response.body()).isEmpty();
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
			if (endpoint.path().contains("{doomed}")) {
				assertThat(this.clients.find(doomed)).isPresent();
			}
			if (endpoint.path().contains("{doomedScope}")) {
				assertThat(this.apiScopes.find(doomedScope)).isPresent();
			}
		}
	}

	@Test
	void openApiWhenFetchedWithoutTokenThenDescribesExactlyTheMappedEndpoints() {
		HttpResponse<String> response = this.api.get("/admin/api/openapi.json", null);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = JsonMapper.builder().build().readTree(response.body());
		assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
		Set<String> documented = new TreeSet<>();
		document.get("paths")
			.propertyStream()
			.forEach((path) -> path.getValue()
				.propertyStream()
				.forEach((operation) -> documented.add(operation.getKey().toUpperCase() + " " + path.getKey())));
		Set<String> mapped = new TreeSet<>();
		this.handlerMapping.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getPathPatternsCondition()
				.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith("/admin/api"))
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> mapped.add(method.name() + " " + pattern))));
		assertThat(documented).isEqualTo(mapped);
		assertThat(mapped).hasSize(32);
	}

	@Test
	void unmappedAdminPathWhenSecurityAdminThenForbidden() {
		assertThat(this.api.get("/admin/api/nothing-here", this.tokens.get(Caller.SECURITY_ADMIN)).statusCode())
			.isEqualTo(403);
		assertThat(this.api.get("/admin/api/nothing-here", null).statusCode()).isEqualTo(401);
	}

	private String nextRs256Kid() {
		return this.signingKeys.list()
			.stream()
			.filter((key) -> key.algorithm() == SigningAlgorithm.RS256 && key.state() == SigningKeyState.NEXT)
			.findFirst()
			.orElseThrow()
			.kid();
	}

	private String accountId(String cnic) {
		AccountId id = this.accounts.findByCnic(Cnic.parse(cnic)).orElseThrow().id();
		return id.toString();
	}

	/**
	 * A real access token of another department, obtained through the front channel by a
	 * security admin.
	 */
	private String otherClientToken() {
		OidcTestClient department = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		OidcTestClient.Attempt attempt = department.attempt("https://rp.example.test/callback", "openid");
		Map<String, String> redirect = department.authorize(new CitizenAgent(this.issuer), attempt,
				AdminApiTestSupport.ALPHA_CNIC, "admin-alpha-long-integration-passphrase");
		TokenResponse response = department.exchange(redirect.get("code"), attempt);
		return response.toSuccessResponse().getTokens().getAccessToken().getValue();
	}

	/** The token with its signature replaced by one this server never made. */
	private static String forged(String token) {
		String[] parts = token.split("\\.");
		char[] signature = parts[2].toCharArray();
		signature[5] = (signature[5] == 'A') ? 'B' : 'A';
		return parts[0] + "." + parts[1] + "." + new String(signature);
	}

	/** Who calls. */
	enum Caller {

		SECURITY_ADMIN, HELPDESK, AUDITOR, NO_ADMIN_ROLE, OTHER_CLIENT, CONSOLE_LOA2, OTHER_AUDIENCE, FORGED, NO_TOKEN

	}

	/**
	 * One endpoint, with a body whose {@code %s} is filled per caller, and the callers it
	 * allows.
	 */
	record Endpoint(String method, String path, @Nullable String body, Set<Caller> allowed) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
