package pk.gov.kp.khyberpass.ephemeral;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where short-lived state lives.
 *
 * @param store {@code memory} for the single-node development default, {@code redis} for
 * production
 * @param keyPrefix prefix of every Redis key, so that deployments sharing a Redis server
 * stay apart
 */
@ConfigurationProperties("khyberpass.ephemeral")
public record EphemeralProperties(@DefaultValue("memory") Kind store, @DefaultValue("kp:") String keyPrefix) {

	/** The store implementations. */
	public enum Kind {

		/** In-process map: one node only. */
		MEMORY,

		/** Redis through Lettuce ({@code spring.data.redis.url}). */
		REDIS

	}

}
