package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Remembers single-use token ids ({@code jti}) until their token expires, so that a token
 * presented a second time is refused; {@link KhyberPassClient#verifyLogoutToken(String)}
 * uses one for back-channel logout tokens.
 * <p>
 * The default, {@link #inMemory(int, Clock)}, lives in one JVM's memory and is right for
 * a service with <b>one node only</b>: with several nodes behind a load balancer, a
 * logout token replayed to another node than the one that first received it is accepted
 * there. Such a service gives every node one shared store (the Spring Boot starter
 * configures one over Redis when the application has Spring Data Redis) through
 * {@link KhyberPassClient.Builder#logoutReplayStore(ReplayStore)}. Implementations must
 * be thread-safe and must decide atomically (for example Redis {@code SET NX} with an
 * expiry).
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#Validation">OIDC
 * Back-Channel Logout §2.6</a>
 */
public interface ReplayStore {

	/**
	 * Records the id unless it is already recorded and unexpired; keeps it at least until
	 * {@code expiresAt}.
	 * @param id the token id, not {@code null}
	 * @param expiresAt when the token stops being acceptable anyway (its {@code exp} plus
	 * the tolerated clock skew), not {@code null}
	 * @return {@code true} the first time, {@code false} if the id was seen and has not
	 * expired
	 * @throws RuntimeException if a shared store cannot be reached; the token is then
	 * refused by the caller's error handling, never accepted unchecked
	 */
	boolean firstUse(String id, Instant expiresAt);

	/**
	 * Returns a store in this JVM's memory, for a service with one node (or for tests):
	 * it shares nothing with other processes. When full, the oldest ids are forgotten
	 * first.
	 * @param maxEntries how many ids to remember at most, at least 100
	 * @param clock the clock that expires ids, not {@code null}
	 * @return a new store, never {@code null}
	 * @throws KhyberPassClientException if {@code maxEntries} is below 100
	 */
	static ReplayStore inMemory(int maxEntries, Clock clock) {
		if (maxEntries < 100) {
			throw new KhyberPassClientException("A replay store needs room for at least 100 ids");
		}
		return new InMemoryReplayStore(Objects.requireNonNull(clock, "clock"), maxEntries);
	}

}
