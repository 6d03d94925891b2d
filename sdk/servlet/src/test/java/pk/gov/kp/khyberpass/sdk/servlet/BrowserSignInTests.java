package pk.gov.kp.khyberpass.sdk.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return path after sign-in never leaves the application (no open redirect).
 */
class BrowserSignInTests {

	@Test
	void safeReturnPathWhenLocalPathThenKept() {
		assertThat(BrowserSignIn.safeReturnPath("/app/vehicles?page=2&sort=asc", "/app"))
			.isEqualTo("/app/vehicles?page=2&sort=asc");
	}

	@Test
	void safeReturnPathWhenProtocolRelativeThenApplicationRoot() {
		assertThat(BrowserSignIn.safeReturnPath("//evil.example/x", "")).isEqualTo("/");
	}

	@Test
	void safeReturnPathWhenBackslashThenApplicationRoot() {
		assertThat(BrowserSignIn.safeReturnPath("/\\evil.example/x", "")).isEqualTo("/");
	}

	@Test
	void safeReturnPathWhenAbsoluteUrlThenApplicationRoot() {
		assertThat(BrowserSignIn.safeReturnPath("https://evil.example/", "/app")).isEqualTo("/app/");
	}

	@Test
	void safeReturnPathWhenControlCharacterThenApplicationRoot() {
		assertThat(BrowserSignIn.safeReturnPath("/x\r\nLocation: https://evil.example/", "")).isEqualTo("/");
		assertThat(BrowserSignIn.safeReturnPath("/\t/evil.example/", "")).isEqualTo("/");
	}

	@Test
	void safeReturnPathWhenOutsideContextPathThenApplicationRoot() {
		assertThat(BrowserSignIn.safeReturnPath("/other-app/x", "/app")).isEqualTo("/app/");
	}

	@Test
	void safeReturnPathWhenNullThenApplicationRoot() {
		assertThat(BrowserSignIn.safeReturnPath(null, "/app")).isEqualTo("/app/");
	}

}
