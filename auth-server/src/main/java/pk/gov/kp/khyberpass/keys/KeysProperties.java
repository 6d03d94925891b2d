package pk.gov.kp.khyberpass.keys;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Key management settings.
 *
 * @param masterKey the base64 form of the 256-bit master key
 * ({@code KHYBERPASS_MASTER_KEY}); required in production
 * @param masterKeyFile a file holding the master key, created with a fresh key when
 * absent; for the development default only, where no master key is given
 * @param rotationPeriod how long a signing key signs before the next rotation; a
 * {@code NEXT} key is published for as long before it signs
 * @param retention how long a key stays in the JWKS after it stops signing; must exceed
 * the longest lifetime of anything signed with it plus the refresh interval
 * @param refreshInterval how often each node reloads the keys from the database (to pick
 * up another node's rotation), retires expired keys and rotates when due
 */
@ConfigurationProperties("khyberpass.keys")
public record KeysProperties(@Nullable String masterKey, @Nullable Path masterKeyFile,
		@DefaultValue("30d") Duration rotationPeriod, @DefaultValue("25h") Duration retention,
		@DefaultValue("30s") Duration refreshInterval) {

	public KeysProperties {
		if (refreshInterval.isNegative() || refreshInterval.isZero()) {
			throw new IllegalArgumentException("khyberpass.keys.refresh-interval must be positive");
		}
		if (retention.compareTo(refreshInterval) <= 0) {
			throw new IllegalArgumentException("khyberpass.keys.retention must exceed the refresh interval");
		}
		if (rotationPeriod.compareTo(refreshInterval.multipliedBy(2)) <= 0) {
			throw new IllegalArgumentException(
					"khyberpass.keys.rotation-period must exceed twice the refresh interval");
		}
	}

}
