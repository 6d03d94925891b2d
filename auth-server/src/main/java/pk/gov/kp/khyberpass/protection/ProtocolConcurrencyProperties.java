package pk.gov.kp.khyberpass.protection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests to the CPU-bound protocol endpoints (token, introspection, JWKS,
 * discovery) a node runs at once; the others wait their turn in order of arrival
 * (docs/performance.md).
 *
 * @param limit requests run at once; {@code 0} means one per processor the JVM may use
 * @param maxWait how long a request waits for its turn before it is answered 503
 */
@ConfigurationProperties("khyberpass.protection.protocol-concurrency")
public record ProtocolConcurrencyProperties(@DefaultValue("0") int limit, @DefaultValue("10s") Duration maxWait) {

	public ProtocolConcurrencyProperties {
		if (limit < 0) {
			throw new IllegalArgumentException("khyberpass.protection.protocol-concurrency.limit must be 0 or more");
		}
		if (maxWait.isNegative() || maxWait.isZero()) {
			throw new IllegalArgumentException("khyberpass.protection.protocol-concurrency.max-wait must be positive");
		}
	}

	/**
	 * The limit to apply: {@code limit}, or the processors this JVM may use when it is 0.
	 */
	int effectiveLimit() {
		return (this.limit > 0) ? this.limit : Runtime.getRuntime().availableProcessors();
	}

}
