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
 * Keeps client registrations in memory for a short time: every token request reads its client, often more
 * than once, and registrations change rarely. A change made on one node reaches the others within the
 * time to live; a change made here is seen here at once.
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
		this.byId.clear();
		this.byClientId.clear();
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
		return lookup(this.byClientId, clientId, this.delegate::findByClientId);
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
