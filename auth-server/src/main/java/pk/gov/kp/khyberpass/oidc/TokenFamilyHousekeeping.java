package pk.gov.kp.khyberpass.oidc;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes token families past their absolute expiry and spent refresh tokens that can no
 * longer matter. Every node runs it; the deletes are idempotent, so overlapping runs are
 * harmless.
 */
@Component
final class TokenFamilyHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(TokenFamilyHousekeeping.class);

	private final TokenFamilyAuthorizationService families;

	TokenFamilyHousekeeping(TokenFamilyAuthorizationService families) {
		this.families = families;
	}

	@Scheduled(initialDelay = 1, fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
	void purgeExpired() {
		int purged = this.families.purgeExpired();
		if (purged > 0) {
			log.info("Purged {} expired token families and spent refresh tokens", purged);
		}
	}

}
