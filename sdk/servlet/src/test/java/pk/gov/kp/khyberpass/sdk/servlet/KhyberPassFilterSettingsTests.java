package pk.gov.kp.khyberpass.sdk.servlet;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link KhyberPassFilterSettings}: defaults, init-param parsing and path matching.
 */
class KhyberPassFilterSettingsTests {

	@Test
	void buildWhenNothingSetThenDefaults() {
		KhyberPassFilterSettings settings = KhyberPassFilterSettings.builder().build();

		assertThat(settings.callbackPath()).isEqualTo("/login/khyberpass/callback");
		assertThat(settings.logoutPath()).isEqualTo("/logout");
		assertThat(settings.backChannelLogoutPath()).isEqualTo("/logout/backchannel");
		assertThat(settings.protectedPaths()).containsExactly("/");
		assertThat(settings.apiPaths()).containsExactly("/api/");
		assertThat(settings.scopes()).isEmpty();
		assertThat(settings.postLogoutRedirectUri()).isEmpty();
		assertThat(settings.redirectUri()).isEmpty();
	}

	@Test
	void fromParametersWhenAllGivenThenParsed() {
		Map<String, String> parameters = Map.of("callback-path", "/auth/callback", "logout-path", "/signout",
				"backchannel-logout-path", "/signout/bc", "protected-paths", "/account/, /payments/", "api-paths",
				"/rest/", "post-logout-redirect-uri", "https://vehicles.kp.gov.pk/", "scopes", "profile, phone email",
				"minimum-acr", "/payments/=urn:kp:loa:2, /admin/=urn:kp:loa:3", "redirect-uri",
				"https://vehicles.kp.gov.pk/auth/callback");

		KhyberPassFilterSettings settings = KhyberPassFilterSettings.fromParameters(parameters::get);

		assertThat(settings.callbackPath()).isEqualTo("/auth/callback");
		assertThat(settings.logoutPath()).isEqualTo("/signout");
		assertThat(settings.backChannelLogoutPath()).isEqualTo("/signout/bc");
		assertThat(settings.protectedPaths()).containsExactly("/account/", "/payments/");
		assertThat(settings.apiPaths()).containsExactly("/rest/");
		assertThat(settings.postLogoutRedirectUri()).contains(URI.create("https://vehicles.kp.gov.pk/"));
		assertThat(settings.redirectUri()).contains(URI.create("https://vehicles.kp.gov.pk/auth/callback"));
		assertThat(settings.scopes()).containsExactly("profile", "phone", "email");
		assertThat(settings.minimumAcr()).containsEntry("/payments/", AssuranceLevel.LOA2)
			.containsEntry("/admin/", AssuranceLevel.LOA3);
	}

	@Test
	void fromParametersWhenUnknownAcrThenThrowKhyberPassClientException() {
		Map<String, String> parameters = Map.of("minimum-acr", "/payments/=gold");

		assertThatThrownBy(() -> KhyberPassFilterSettings.fromParameters(parameters::get))
			.isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("/payments/=gold");
	}

	@Test
	void callbackPathWhenProtocolRelativeThenThrowKhyberPassClientException() {
		assertThatThrownBy(() -> KhyberPassFilterSettings.builder().callbackPath("//evil.example/cb"))
			.isInstanceOf(KhyberPassClientException.class);
	}

	@Test
	void buildWhenEndpointPathsCollideThenThrowKhyberPassClientException() {
		assertThatThrownBy(() -> KhyberPassFilterSettings.builder().callbackPath("/logout").build())
			.isInstanceOf(KhyberPassClientException.class);
	}

	@Test
	void matchesWhenPrefixEndsWithSlashThenItselfAndBelow() {
		assertThat(KhyberPassFilterSettings.matches("/api/", "/api")).isTrue();
		assertThat(KhyberPassFilterSettings.matches("/api/", "/api/vehicles")).isTrue();
		assertThat(KhyberPassFilterSettings.matches("/api/", "/apix")).isFalse();
	}

	@Test
	void matchesWhenPrefixWithoutSlashThenNotSiblingsSharingTheName() {
		assertThat(KhyberPassFilterSettings.matches("/admin", "/admin")).isTrue();
		assertThat(KhyberPassFilterSettings.matches("/admin", "/admin/users")).isTrue();
		assertThat(KhyberPassFilterSettings.matches("/admin", "/administrator")).isFalse();
	}

	@Test
	void minimumAcrForWhenNestedPrefixesThenLongestWins() {
		KhyberPassFilterSettings settings = KhyberPassFilterSettings.builder()
			.minimumAcr("/payments/", AssuranceLevel.LOA2)
			.minimumAcr("/payments/large/", AssuranceLevel.LOA3)
			.build();

		assertThat(settings.minimumAcrFor("/payments/large/1")).contains(AssuranceLevel.LOA3);
		assertThat(settings.minimumAcrFor("/payments/small/1")).contains(AssuranceLevel.LOA2);
		assertThat(settings.minimumAcrFor("/account/")).isEmpty();
	}

}
