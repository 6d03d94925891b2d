package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.seed.SeedFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development seed registers the admin console so that the admin API's defaults
 * accept its tokens.
 */
class AdminConsoleSeedTests {

	@Test
	void developmentSeedWhenParsedThenConsoleClientFitsTheAdminApiDefaults() {
		AdminProperties defaults = new AdminProperties("khyberpass-admin-console", null, null, Duration.ofHours(24));

		DepartmentClient console = SeedFile.parse(new ClassPathResource("seed/development.yml"))
			.clients()
			.stream()
			.filter((client) -> client.clientId().equals(defaults.consoleClientId()))
			.findFirst()
			.orElseThrow();

		assertThat(console.publicSubject()).isTrue();
		assertThat(console.requireConsent()).isFalse();
		assertThat(console.minAcr()).isEqualTo("urn:kp:loa:3");
		assertThat(console.refreshTokenLifetime()).isEqualTo(Duration.ofHours(12));
		assertThat(console.audiences()).containsExactly(defaults.audienceFor(URI.create("http://localhost:9000")));
	}

}
