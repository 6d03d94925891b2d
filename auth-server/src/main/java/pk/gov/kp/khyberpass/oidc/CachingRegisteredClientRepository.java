package pk.gov.kp.khyberpass.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Keeps client registrations in memory for a short time: every token request reads its
 * client, often more than once, and registrations change rarely. A change made on one
 * node reaches the others within the time to live; a change made here is seen here at
 * once.
 * <p>
 * A disabled client is not found by its client id, so it can neither authenticate nor
 * start an authorization; {@link #findById} still finds it, so its stored token families
 * can be read and revoked.
 */
final class CachingRegisteredClientRepository implements RegisteredClientRepository {

	private final RegisteredClientRepository delegate;

	private final Duration ttl;

	private final Clock clock;

	private final ConcurrentMap<String, Cached> byId = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Cached> byClientId = new ConcurrentHashMap<>();

	CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration ttl, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public void save(RegisteredClient client) {
		this.delegate.save(client);
		evict();
	}

	/** Forgets every cached registration (after a change made outside {@link #save}). */
	void evict() {
		this.byId.clear();
		this.byClientId.clear();
	}

	/** The registration with this client id, enabled or not, read from the database. */
	@Nullable RegisteredClient findAnyByClientId(String clientId) {
		return (clientId.length() > 100) ? null : this.delegate.findByClientId(clientId);
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return lookup(this.byId, id, this.delegate::findById);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		if (clientId.length() > 100) {
			return null;
		}
		RegisteredClient client = lookup(this.byClientId, clientId, this.delegate::findByClientId);
		return (client != null && KhyberPassClientSettings.disabled(client)) ? null : client;
	}

	private @Nullable RegisteredClient lookup(ConcurrentMap<String, Cached> cache, String key,
			java.util.function.Function<String, @Nullable RegisteredClient> loader) {
		Instant now = this.clock.instant();
		Cached cached = cache.get(key);
		if (cached != null && now.isBefore(cached.expiresAt())) {
			return cached.client();
		}
		RegisteredClient client = loader.apply(key);
		if (cache.size() > 10_000) {
			cache.clear();
		}
		cache.put(key, new Cached(client, now.plus(this.ttl)));
		return client;
	}

	private record Cached(@Nullable RegisteredClient client, Instant expiresAt) {
	}

}
