package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.cnic.InvalidCnicException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdminPropertiesTests {

	@Test
	void audienceForWhenNotConfiguredThenIssuerAdminApi() {
		AdminProperties properties = new AdminProperties("console", null, null, Duration.ofHours(24));

		assertThat(properties.audienceFor(URI.create("https://id.kp.gov.pk")))
			.hasToString("https://id.kp.gov.pk/admin/api");
		assertThat(properties.audienceFor(URI.create("https://id.kp.gov.pk/")))
			.hasToString("https://id.kp.gov.pk/admin/api");
	}

	@Test
	void audienceForWhenConfiguredThenThatAudience() {
		AdminProperties properties = new AdminProperties("console", URI.create("urn:kp:admin-api"), null,
				Duration.ofHours(24));

		assertThat(properties.audienceFor(URI.create("https://id.kp.gov.pk"))).hasToString("urn:kp:admin-api");
	}

	@Test
	void constructWhenBootstrapCnicBlankThenNone() {
		assertThat(new AdminProperties("console", null, "  ", Duration.ZERO).bootstrapCnic()).isNull();
	}

	@Test
	void constructWhenBootstrapCnicMalformedThenStartUpFails() {
		assertThatExceptionOfType(InvalidCnicException.class)
			.isThrownBy(() -> new AdminProperties("console", null, "17301-123", Duration.ZERO));
	}

	@Test
	void constructWhenGraceNegativeThenStartUpFails() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdminProperties("console", null, null, Duration.ofSeconds(-1)));
	}

}
