package pk.gov.kp.khyberpass.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in page rendered through Spring MVC and Thymeleaf, behind a form-login chain
 * like the lead's.
 */
// The admin console's advice serves only console controllers and needs the console's API
// client, which this
// slice does not build.
@WebMvcTest(controllers = LoginController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "pk\\.gov\\.kp\\.khyberpass\\.admin\\.console\\..*"))
class LoginPageIT {

	@Autowired
	private MockMvc mvc;

	@Test
	void getLoginWhenAnonymousThenAccessibleFormWithCsrf() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"en"), containsString("dir=\"ltr\""),
					containsString("<label for=\"username\" class=\"field__label\">CNIC or mobile number</label>"),
					containsString("autocomplete=\"username\""), containsString("autocomplete=\"current-password\""),
					containsString("name=\"password\" type=\"password\""), containsString("name=\"_csrf\""),
					containsString("action=\"/login\""), containsString("/css/khyberpass.css"),
					not(containsString("error-summary")))));
	}

	@Test
	void getLoginWhenErrorThenSummaryLinkedToField() throws Exception {
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("class=\"error-summary\" role=\"alert\""), containsString(
					"<a href=\"#username\">The CNIC or mobile number and password do not match an account.</a>"),
					containsString("aria-describedby=\"username-hint username-error\""),
					containsString("aria-invalid=\"true\""), containsString("<title>Error: Sign in"))));
	}

	@Test
	void getLoginWhenLogoutThenSignedOutNotice() throws Exception {
		this.mvc.perform(get("/login").param("logout", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have signed out.")));
	}

	@Test
	void getLoginWhenUrduThenRightToLeftUrdu() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "ur-PK"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("lang=\"ur-PK\""), containsString("dir=\"rtl\""),
					containsString("شناختی کارڈ نمبر یا موبائل نمبر"))));
	}

	@Test
	void getLoginWhenPashtoThenRightToLeftPashto() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "ps"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("lang=\"ps\""), containsString("dir=\"rtl\""), containsString("پټنوم"))));
	}

	@Test
	void getLoginWhenRenderedThenNoInlineStyleOrScript() throws Exception {
		// Only scripts loaded from our own origin (the passkey script): the CSP allows
		// nothing inline.
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(allOf(not(containsString("style=")), not(containsString("<style")),
					not(matchesPattern("(?s).*<script(?![^>]*\\ssrc=\"/js/)[^>]*>.*")),
					not(containsString("onclick")))));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FormLoginSecurity {

		@Bean
		SecurityFilterChain formLogin(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin((form) -> form.loginPage("/login").permitAll())
				.csrf(Customizer.withDefaults())
				.build();
		}

	}

}
