package pk.gov.kp.khyberpass.oidc;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RedirectUrisTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://mvr.kp.gov.pk/login/oauth2/code/khyberpass", "https://mvr.kp.gov.pk:8443/cb?x=1",
			"http://127.0.0.1:8080/cb", "http://localhost/cb", "http://[::1]:9000/cb", "https://127.0.0.1/cb" })
	void requireRegistrableWhenAllowedThenAccepted(String uri) {
		assertThatNoException().isThrownBy(() -> RedirectUris.requireRegistrable(URI.create(uri)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://mvr.kp.gov.pk/cb", "http://127.0.0.2/cb", "http://localhost.evil.example/cb",
			"http://10.0.0.1/cb" })
	void requireRegistrableWhenHttpOnNonLoopbackThenThrows(String uri) {
		assertThatIllegalArgumentException().isThrownBy(() -> RedirectUris.requireRegistrable(URI.create(uri)))
			.withMessage("redirect URI '" + uri + "' must use https (http only on loopback)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://mvr.kp.gov.pk/cb", "javascript://mvr.kp.gov.pk/%0aalert(1)",
			"pk.gov.kp.app://callback" })
	void requireRegistrableWhenOtherSchemeThenThrows(String uri) {
		assertThatIllegalArgumentException().isThrownBy(() -> RedirectUris.requireRegistrable(URI.create(uri)));
	}

	@Test
	void requireRegistrableWhenFragmentThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedirectUris.requireRegistrable(URI.create("https://mvr.kp.gov.pk/cb#frag")))
			.withMessage("redirect URI 'https://mvr.kp.gov.pk/cb#frag' must not have a fragment");
	}

	@Test
	void requireRegistrableWhenEmptyFragmentThenThrows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedirectUris.requireRegistrable(URI.create("https://mvr.kp.gov.pk/cb#")))
			.withMessageContaining("must not have a fragment");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login/oauth2/code/khyberpass", "mvr.kp.gov.pk/cb", "https:/cb", "urn:kp:callback" })
	void requireRegistrableWhenRelativeOrWithoutHostThenThrows(String uri) {
		assertThatIllegalArgumentException().isThrownBy(() -> RedirectUris.requireRegistrable(URI.create(uri)))
			.withMessage("redirect URI '" + uri + "' must be absolute with a host");
	}

	@Test
	void isLoopbackWhenLoopbackHostsThenTrue() {
		assertThat(RedirectUris.isLoopback(URI.create("http://127.0.0.1:8080/"))).isTrue();
		assertThat(RedirectUris.isLoopback(URI.create("http://localhost/"))).isTrue();
		assertThat(RedirectUris.isLoopback(URI.create("http://[::1]/"))).isTrue();
	}

	@Test
	void isLoopbackWhenOtherHostOrNoHostThenFalse() {
		assertThat(RedirectUris.isLoopback(URI.create("https://mvr.kp.gov.pk/"))).isFalse();
		assertThat(RedirectUris.isLoopback(URI.create("/relative"))).isFalse();
	}

}
