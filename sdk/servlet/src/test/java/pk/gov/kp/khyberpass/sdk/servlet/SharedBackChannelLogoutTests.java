package pk.gov.kp.khyberpass.sdk.servlet;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back-channel logout on two nodes of one department service: Khyber Pass's logout token
 * reaches node A, the citizen's session lives on node B.
 */
class SharedBackChannelLogoutTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client();

	private final EndedSessions shared = EndedSessions.inMemory(Duration.ofHours(24), Clock.systemUTC());

	private TestServletApplication nodeA;

	private TestServletApplication nodeB;

	private final TestBrowser browser = new TestBrowser();

	@AfterEach
	void stop() {
		this.nodeA.close();
		this.nodeB.close();
		this.client.close();
		this.provider.close();
	}

	@Test
	void backChannelLogoutWhenSharedStoreThenSessionOnOtherNodeEndsAtItsNextRequest() {
		startNodes(true);
		signIn(this.browser, "citizen-1", "sso-1");
		TestBrowser other = new TestBrowser();
		signIn(other, "citizen-2", "sso-2");

		HttpResponse<String> response = postLogoutToken(this.nodeA,
				this.provider.logoutToken("citizen-1", "sso-1", "jti-1"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.browser.get(this.nodeB.uri("/account/vehicles")).statusCode()).isEqualTo(302);
		assertThat(this.browser.get(this.nodeB.uri("/public")).body()).startsWith("user=null");
		assertThat(other.get(this.nodeB.uri("/account/vehicles")).body()).startsWith("user=citizen-2");
	}

	@Test
	void backChannelLogoutWhenSubjectOnlyThenEveryEarlierSessionOfSubjectEndsOnOtherNode() {
		startNodes(true);
		signIn(this.browser, "citizen-1", "sso-1");

		postLogoutToken(this.nodeA, this.provider.logoutToken("citizen-1", null, "jti-1"));

		assertThat(this.browser.get(this.nodeB.uri("/account/vehicles")).statusCode()).isEqualTo(302);
	}

	@Test
	void backChannelLogoutWhenNoSharedStoreThenSessionOnOtherNodeSurvives() {
		startNodes(false);
		signIn(this.browser, "citizen-1", "sso-1");

		HttpResponse<String> response = postLogoutToken(this.nodeA,
				this.provider.logoutToken("citizen-1", "sso-1", "jti-1"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.browser.get(this.nodeB.uri("/account/vehicles")).body()).startsWith("user=citizen-1");
	}

	private void startNodes(boolean shareLogouts) {
		this.nodeA = TestServletApplication.start(filter(shareLogouts));
		this.nodeB = TestServletApplication.start(filter(shareLogouts));
	}

	private KhyberPassFilter filter(boolean shareLogouts) {
		KhyberPassFilterSettings settings = KhyberPassFilterSettings.builder().protectedPaths("/account/").build();
		return shareLogouts ? new KhyberPassFilter(this.client, settings, this.shared)
				: new KhyberPassFilter(this.client, settings);
	}

	private void signIn(TestBrowser browser, String subject, String sessionId) {
		HttpResponse<String> login = browser.get(this.nodeB.uri("/account/"));
		HttpResponse<String> callback = browser
			.get(this.provider.authorize(TestBrowser.location(login), Map.of("sub", subject, "sid", sessionId)));
		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(browser.get(this.nodeB.uri("/account/vehicles")).body()).startsWith("user=" + subject);
	}

	private static HttpResponse<String> postLogoutToken(TestServletApplication node, String logoutToken) {
		return new TestBrowser().send(HttpRequest.newBuilder(node.uri("/logout/backchannel"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("logout_token=" + logoutToken))
			.build());
	}

}
