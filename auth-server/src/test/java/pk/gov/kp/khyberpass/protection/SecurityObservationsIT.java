package pk.gov.kp.khyberpass.protection;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security wraps no filter, authentication or authorization in an observation: on
 * the token endpoint the wrappers alone cost about a tenth of the CPU
 * (docs/performance.md).
 */
@KhyberPassIntegrationTest
class SecurityObservationsIT {

	@Autowired
	SecurityObservationSettings settings;

	@Test
	void securityObservationsAreOff() {
		assertThat(this.settings.shouldObserveRequests()).isFalse();
		assertThat(this.settings.shouldObserveAuthentications()).isFalse();
		assertThat(this.settings.shouldObserveAuthorizations()).isFalse();
	}

}
