package pk.gov.kp.quickstart;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.UserInfo;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassAuthentication;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassUser;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The quickstart of docs/onboarding.md starts with its three properties and no Khyber Pass running (the
 * discovery document is fetched on first use), shows the signed-in citizen's name, and answers the API
 * challenges the guide describes.
 */
@SpringBootTest
class QuickstartApplicationTests {

	@Autowired
	private WebApplicationContext context;

	@MockitoBean
	private KhyberPassClient khyberPass;

	private MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void homeWhenSignedInThenShowsNameFromUserInfo() throws Exception {
		KhyberPassUser user = new KhyberPassUser("subject-1", null, "urn:kp:loa:1", List.of("pwd"), "sid-1",
				Map.of(), "id-token");
		given(this.khyberPass.refreshIfExpiring(any())).willAnswer((call) -> call.getArgument(0));
		given(this.khyberPass.userInfo("access-token", "subject-1"))
			.willReturn(new UserInfo("subject-1", Map.of("name", "Ayesha Khan")));

		this.mvc.perform(get("/").with(authentication(new KhyberPassAuthentication(user, "access-token", List.of()))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Ayesha Khan")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
	}

	@Test
	void apiWhenNoTokenThenBearerChallengeWithoutError() throws Exception {
		this.mvc.perform(get("/api/anything"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"));
	}

}
