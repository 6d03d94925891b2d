package pk.gov.kp.khyberpass.sdk.servlet;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KhyberPassFilter} in an embedded Tomcat against a small OpenID Provider, driven
 * by real HTTP requests.
 */
class KhyberPassFilterTests {

	private static final URI AFTER_LOGOUT = URI.create("https://vehicles.kp.gov.pk/goodbye");

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client();

	private final TestServletApplication application = TestServletApplication.start(new KhyberPassFilter(this.client,
			KhyberPassFilterSettings.builder()
				.protectedPaths("/account/", "/payments/")
				.minimumAcr("/payments/", AssuranceLevel.LOA2)
				.minimumAcr("/api/payments/", AssuranceLevel.LOA3)
				.scopes("profile")
				.postLogoutRedirectUri(AFTER_LOGOUT)
				.build()));

	private final TestBrowser browser = new TestBrowser();

	@AfterEach
	void stop() {
		this.application.close();
		this.client.close();
		this.provider.close();
	}

	@Test
	void getWhenNotSignedInThenRedirectToKhyberPassWithPkceStateAndNonce() {
		HttpResponse<String> response = this.browser.get(this.application.uri("/account/vehicles?page=2"));

		assertThat(response.statusCode()).isEqualTo(302);
		URI location = TestBrowser.location(response);
		assertThat(location.toString()).startsWith(this.provider.issuer() + "/authorize?");
		assertThat(TestOpenIdProvider.query(location)).containsEntry("response_type", "code")
			.containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
			.containsEntry("redirect_uri", this.application.uri("/login/khyberpass/callback").toString())
			.containsEntry("scope", "openid profile")
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce", "code_challenge")
			.doesNotContainKey("acr_values");
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
	}

	@Test
	void callbackWhenValidThenPrincipalInRotatedSessionAndBackToSavedPage() {
		HttpResponse<String> login = this.browser.get(this.application.uri("/account/vehicles?page=2"));
		String sessionBeforeSignIn = this.browser.sessionId().orElseThrow();

		HttpResponse<String> callback = this.browser.get(this.provider.authorize(TestBrowser.location(login)));

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(callback.headers().firstValue("Location")).contains("/account/vehicles?page=2");
		assertThat(this.browser.sessionId()).isPresent().get().isNotEqualTo(sessionBeforeSignIn);
		HttpResponse<String> page = this.browser.get(this.application.uri("/account/vehicles?page=2"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).isEqualTo("user=citizen-1, auth=KHYBERPASS, name=Test Citizen, token=-");
	}

	@Test
	void callbackWhenStateDoesNotMatchThenRefusedWithoutSignIn() {
		HttpResponse<String> login = this.browser.get(this.application.uri("/account/vehicles"));
		URI callback = this.provider.authorize(TestBrowser.location(login));
		String forged = callback.toString().replaceFirst("state=[^&]+", "state=forged");

		HttpResponse<String> response = this.browser.get(URI.create(forged));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<p>This sign-in was not started in this browser or has expired.")
			.doesNotContain("Exception")
			.doesNotContain("at pk.");
		assertThat(this.browser.get(this.application.uri("/account/vehicles")).statusCode()).isEqualTo(302);
	}

	@Test
	void callbackWhenReplayedThenRefused() {
		HttpResponse<String> login = this.browser.get(this.application.uri("/account/vehicles"));
		URI callback = this.provider.authorize(TestBrowser.location(login));
		this.browser.get(callback);

		HttpResponse<String> response = this.browser.get(callback);

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void callbackWhenCitizenCancelledThenForbiddenWithEnglishPage() {
		HttpResponse<String> response = cancelledSignIn(null);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.contains("default-src 'none'; frame-ancestors 'none'");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
		assertThat(response.headers().firstValue("Content-Language")).contains("en");
		assertThat(response.headers().allValues("Vary")).contains("Accept-Language");
		assertThat(response.body()).contains("<html lang=\"en\" dir=\"ltr\">")
			.contains("<p>Sign-in was cancelled.</p>");
	}

	@Test
	void callbackWhenCitizenCancelledAndBrowserAsksUrduThenUrduRightToLeftPage() {
		HttpResponse<String> response = cancelledSignIn("ur-PK,ur;q=0.9,en;q=0.8");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Language")).contains("ur");
		assertThat(response.body()).contains("<html lang=\"ur\" dir=\"rtl\">")
			.contains("<title>خیبر پاس</title>")
			.contains("<p>سائن اِن منسوخ ہو گیا۔</p>");
	}

	@Test
	void callbackWhenCitizenCancelledAndBrowserAsksPashtoThenPashtoRightToLeftPage() {
		HttpResponse<String> response = cancelledSignIn("ps");

		assertThat(response.headers().firstValue("Content-Language")).contains("ps");
		assertThat(response.body()).contains("<html lang=\"ps\" dir=\"rtl\">").contains("<p>ننوتل لغوه شول.</p>");
	}

	@Test
	void callbackWhenCitizenCancelledAndBrowserAsksUnknownLanguageThenEnglishPage() {
		HttpResponse<String> response = cancelledSignIn("de-DE,de;q=0.9");

		assertThat(response.body()).contains("<html lang=\"en\" dir=\"ltr\">")
			.contains("<p>Sign-in was cancelled.</p>");
	}

	@Test
	void callbackWhenCitizenCancelledAndEnglishWeighsMoreThanUrduThenEnglishPage() {
		HttpResponse<String> response = cancelledSignIn("ur;q=0.1, en;q=0.9");

		assertThat(response.body()).contains("<html lang=\"en\" dir=\"ltr\">")
			.contains("<p>Sign-in was cancelled.</p>");
	}

	@Test
	void callbackWhenCitizenCancelledAndUrduWeighsMoreThanEnglishThenUrduPage() {
		HttpResponse<String> response = cancelledSignIn("en;q=0.1, ur;q=0.9");

		assertThat(response.body()).contains("<html lang=\"ur\" dir=\"rtl\">")
			.contains("<p>سائن اِن منسوخ ہو گیا۔</p>");
	}

	/** Starts a sign-in, then comes back from Khyber Pass with {@code access_denied}. */
	private HttpResponse<String> cancelledSignIn(@Nullable String acceptLanguage) {
		HttpResponse<String> login = this.browser.get(this.application.uri("/account/vehicles"));
		String state = TestOpenIdProvider.query(TestBrowser.location(login)).get("state");
		HttpRequest.Builder callback = HttpRequest.newBuilder(this.application.uri("/login/khyberpass/callback?error="
				+ "access_denied&state=" + state + "&iss=" + this.provider.issuer()));
		if (acceptLanguage != null) {
			callback.header("Accept-Language", acceptLanguage);
		}
		return this.browser.send(callback.build());
	}

	@Test
	void callbackWhenSavedPathPointsToAnotherHostThenRedirectsToApplicationRoot() {
		HttpResponse<String> login = this.browser.get(this.application.uri("//evil.example/../account/x"));
		assertThat(login.statusCode()).isEqualTo(302);

		HttpResponse<String> callback = this.browser.get(this.provider.authorize(TestBrowser.location(login)));

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(callback.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("evil.example"));
		assertThat(TestBrowser.location(callback)).isEqualTo(this.application.uri("/"));
	}

	@Test
	void getWhenSessionBelowMinimumAcrThenStepUpWithAcrValues() {
		signIn(Map.of());

		HttpResponse<String> response = this.browser.get(this.application.uri("/payments/fines"));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(TestOpenIdProvider.query(TestBrowser.location(response))).containsEntry("acr_values",
				AssuranceLevel.LOA2.value());
	}

	@Test
	void callbackWhenStepUpSucceedsThenStrongerSessionReachesPage() {
		signIn(Map.of());
		HttpResponse<String> stepUp = this.browser.get(this.application.uri("/payments/fines"));

		HttpResponse<String> callback = this.browser
			.get(this.provider.authorize(TestBrowser.location(stepUp), Map.of("acr", AssuranceLevel.LOA2.value())));

		assertThat(TestBrowser.location(callback)).isEqualTo(this.application.uri("/payments/fines"));
		assertThat(this.browser.get(this.application.uri("/payments/fines")).statusCode()).isEqualTo(200);
	}

	@Test
	void callbackWhenStepUpReturnsWeakerSignInThenRefused() {
		signIn(Map.of());
		HttpResponse<String> stepUp = this.browser.get(this.application.uri("/payments/fines"));

		HttpResponse<String> callback = this.browser.get(this.provider.authorize(TestBrowser.location(stepUp)));

		assertThat(callback.statusCode()).isEqualTo(401);
	}

	@Test
	void getWhenPublicPathAndSignedInThenPrincipalWithoutRedirect() {
		assertThat(this.browser.get(this.application.uri("/public")).body()).startsWith("user=null");
		signIn(Map.of());

		HttpResponse<String> response = this.browser.get(this.application.uri("/public"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("user=citizen-1");
	}

	@Test
	void logoutWhenSignedInThenSessionEndedAndRedirectToEndSession() {
		signIn(Map.of());

		HttpResponse<String> response = this.browser.send(signOut("same-origin", null));

		assertThat(response.statusCode()).isEqualTo(302);
		URI location = TestBrowser.location(response);
		assertThat(location.toString()).startsWith(this.provider.issuer() + "/logout?");
		assertThat(TestOpenIdProvider.query(location)).containsKey("id_token_hint")
			.containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
			.containsEntry("post_logout_redirect_uri", AFTER_LOGOUT.toString());
		assertThat(this.browser.get(this.application.uri("/account/vehicles")).statusCode()).isEqualTo(302);
	}

	@Test
	void logoutWhenNotSignedInThenRedirectToPostLogoutUri() {
		HttpResponse<String> response = this.browser.send(signOut(null, null));

		assertThat(TestBrowser.location(response)).isEqualTo(AFTER_LOGOUT);
	}

	@Test
	void logoutWhenGetThenMethodNotAllowedAndStillSignedIn() {
		signIn(Map.of());

		HttpResponse<String> response = this.browser.get(this.application.uri("/logout"));

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).contains("POST");
		assertThat(response.body()).contains("<p>Sign out with the service&#39;s Sign out button.</p>");
		assertThat(this.browser.get(this.application.uri("/account/vehicles")).statusCode()).isEqualTo(200);
	}

	@Test
	void logoutWhenPostedFromAnotherSiteThenForbiddenAndStillSignedIn() {
		signIn(Map.of());

		HttpResponse<String> byFetchMetadata = this.browser.send(signOut("cross-site", null));
		HttpResponse<String> byOrigin = this.browser.send(signOut(null, "https://evil.example"));

		assertThat(byFetchMetadata.statusCode()).isEqualTo(403);
		assertThat(byOrigin.statusCode()).isEqualTo(403);
		assertThat(byOrigin.body()).contains("still signed in");
		assertThat(this.browser.get(this.application.uri("/account/vehicles")).statusCode()).isEqualTo(200);
	}

	@Test
	void logoutWhenPostedFromAnotherSiteAndBrowserAsksPashtoThenPashtoPage() {
		HttpResponse<String> response = this.browser.send(HttpRequest.newBuilder(this.application.uri("/logout"))
			.header("Sec-Fetch-Site", "cross-site")
			.header("Accept-Language", "ps-AF, en;q=0.5")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<html lang=\"ps\" dir=\"rtl\">")
			.contains("<p>بلې ویب پاڼې وغوښتل چې تاسو وباسي؛ تاسو لا هم ننوتي یاست.</p>");
	}

	@Test
	void logoutWhenPostedWithOwnOriginThenSignedOut() {
		signIn(Map.of());
		URI application = this.application.uri("/");

		HttpResponse<String> response = this.browser
			.send(signOut(null, application.getScheme() + "://" + application.getAuthority()));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(this.browser.get(this.application.uri("/account/vehicles")).statusCode()).isEqualTo(302);
	}

	/** A sign-out form's POST, with the headers a browser would add. */
	private HttpRequest signOut(@Nullable String fetchSite, @Nullable String origin) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.application.uri("/logout"))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (fetchSite != null) {
			request.header("Sec-Fetch-Site", fetchSite);
		}
		if (origin != null) {
			request.header("Origin", origin);
		}
		return request.build();
	}

	@Test
	void backChannelLogoutWhenValidThenEndsOnlyThatSession() {
		signIn(Map.of("sub", "citizen-1", "sid", "sso-1"));
		TestBrowser other = new TestBrowser();
		signIn(other, Map.of("sub", "citizen-2", "sid", "sso-2"));

		HttpResponse<String> response = postLogoutToken(this.provider.logoutToken("citizen-1", "sso-1", "jti-1"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
		assertThat(this.browser.get(this.application.uri("/account/vehicles")).statusCode()).isEqualTo(302);
		assertThat(other.get(this.application.uri("/account/vehicles")).body()).startsWith("user=citizen-2");
	}

	@Test
	void backChannelLogoutWhenReplayedThenBadRequest() {
		String logoutToken = this.provider.logoutToken("citizen-1", "sso-1", "jti-1");
		postLogoutToken(logoutToken);

		HttpResponse<String> response = postLogoutToken(logoutToken);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\"}");
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
	}

	@Test
	void backChannelLogoutWhenTokenInvalidThenBadRequestAndSessionKept() {
		signIn(Map.of("sub", "citizen-1", "sid", "sso-1"));
		String accessToken = this.provider.accessToken(Map.of("sid", "sso-1"));

		HttpResponse<String> response = postLogoutToken(accessToken);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.browser.get(this.application.uri("/account/vehicles")).statusCode()).isEqualTo(200);
	}

	@Test
	void backChannelLogoutWhenGetThenMethodNotAllowedInPlainText() {
		HttpResponse<String> response = this.browser
			.send(HttpRequest.newBuilder(this.application.uri("/logout/backchannel"))
				.header("Accept-Language", "ur")
				.build());

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Content-Type")).contains("text/plain;charset=UTF-8");
		assertThat(response.body()).isEqualTo("Khyber Pass POSTs logout tokens here.\n");
	}

	@Test
	void apiWhenBearerValidThenPassesWithVerifiedToken() {
		HttpResponse<String> response = api("/api/vehicles", "Bearer " + this.provider.accessToken(Map.of()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("user=citizen-1, auth=Bearer, name=-, token=citizen-1");
		assertThat(KhyberPassFilter.ACCESS_TOKEN_ATTRIBUTE).isEqualTo(VerifiedAccessToken.class.getName());
	}

	@Test
	void apiWhenNoTokenThenUnauthorizedWithBearerChallenge() {
		HttpResponse<String> response = api("/api/vehicles", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
	}

	@Test
	void apiWhenSignedInButNoTokenThenUnauthorized() {
		signIn(Map.of());

		HttpResponse<String> response = this.browser.get(this.application.uri("/api/vehicles"));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void apiWhenTokenInvalidThenUnauthorizedWithInvalidToken() {
		String expired = this.provider.accessToken(Map.of("exp", 1_600_000_000L, "iat", 1_599_999_000L));

		HttpResponse<String> response = api("/api/vehicles", "Bearer " + expired);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
	}

	@Test
	void apiWhenTokenMalformedThenUnauthorizedWithInvalidToken() {
		HttpResponse<String> response = api("/api/vehicles", "Bearer not a token");

		assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
	}

	@Test
	void apiWhenAcrBelowMinimumThenInsufficientUserAuthentication() {
		HttpResponse<String> response = api("/api/payments/1", "Bearer " + this.provider.accessToken(Map.of()));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer error=\"insufficient_user_authentication\"")
					.contains("acr_values=\"urn:kp:loa:3\""));
	}

	@Test
	void apiWhenAcrMeetsMinimumThenPasses() {
		String token = this.provider.accessToken(Map.of("acr", AssuranceLevel.LOA3.value()));

		assertThat(api("/api/payments/1", "Bearer " + token).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenDotSegmentsThenRulesApplyToNormalisedPath() {
		HttpResponse<String> response = this.browser.get(this.application.uri("/public/../account/vehicles"));

		assertThat(response.statusCode()).isEqualTo(302);
	}

	private void signIn(Map<String, Object> claims) {
		signIn(this.browser, claims);
	}

	private void signIn(TestBrowser browser, Map<String, Object> claims) {
		HttpResponse<String> login = browser.get(this.application.uri("/account/"));
		HttpResponse<String> callback = browser.get(this.provider.authorize(TestBrowser.location(login), claims));
		assertThat(callback.statusCode()).isEqualTo(302);
	}

	private HttpResponse<String> postLogoutToken(String logoutToken) {
		return new TestBrowser().send(HttpRequest.newBuilder(this.application.uri("/logout/backchannel"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("logout_token=" + logoutToken))
			.build());
	}

	private HttpResponse<String> api(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.application.uri(path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return new TestBrowser().send(request.build());
	}

}
