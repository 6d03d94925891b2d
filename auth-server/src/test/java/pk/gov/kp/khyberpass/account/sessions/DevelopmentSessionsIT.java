package pk.gov.kp.khyberpass.account.sessions;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.DevelopmentDefaultInitializer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the development default sessions live in the servlet container, not in Redis: the
 * sessions page and ending a session (one, or all others at a password change) work there
 * too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DevelopmentDefaultInitializer.class)
class DevelopmentSessionsIT {

	private static final Pattern SESSION_HANDLE = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	SessionDirectory directory;

	@Test
	void endSessionWhenContainerSessionsThenOtherSessionSignedOut() {
		CitizenAgent browser = signedIn("17301-9100006-6", "selfservice-sessions-passphrase-six");
		CitizenAgent otherDevice = signedIn("17301-9100006-6", "selfservice-sessions-passphrase-six");
		HttpResponse<String> page = browser.get("/account/sessions");
		Matcher handle = SESSION_HANDLE.matcher(page.body());
		assertThat(handle.find()).isTrue();

		browser.postForm("/account/sessions/end",
				Map.of("session", handle.group(1), "_csrf", CitizenAgent.csrf(page.body())));

		assertThat(this.directory).isInstanceOf(ContainerSessionDirectory.class);
		assertThat(otherDevice.get("/account").statusCode()).isEqualTo(302);
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void changePasswordWhenContainerSessionsThenOtherSessionsEnded() {
		CitizenAgent browser = signedIn("17301-9100005-5", "selfservice-password-passphrase-five");
		CitizenAgent otherDevice = signedIn("17301-9100005-5", "selfservice-password-passphrase-five");
		HttpResponse<String> form = browser.get("/account/password");

		browser.postForm("/account/password",
				Map.of("currentPassword", "selfservice-password-passphrase-five", "password",
						"orchards of swat in the spring rain", "confirmPassword", "orchards of swat in the spring rain",
						"_csrf", CitizenAgent.csrf(form.body())));

		assertThat(otherDevice.get("/account").statusCode()).isEqualTo(302);
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
	}

	private CitizenAgent signedIn(String cnic, String password) {
		CitizenAgent agent = new CitizenAgent(this.issuer);
		assertThat(agent.location(agent.signIn(cnic, password)).toString()).doesNotContain("error");
		return agent;
	}

}
