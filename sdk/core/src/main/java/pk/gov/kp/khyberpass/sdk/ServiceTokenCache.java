package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Caches client-credentials tokens per scope set until shortly before they expire;
 * concurrent callers needing a new token for the same scopes share one request.
 * Thread-safe.
 */
final class ServiceTokenCache {

	private final Clock clock;

	private final Duration refreshMargin;

	private final Function<Set<String>, ServiceToken> fetcher;

	private final Map<Set<String>, Cached> tokens = new ConcurrentHashMap<>();

	private final Map<Set<String>, CompletableFuture<ServiceToken>> inFlight = new ConcurrentHashMap<>();

	ServiceTokenCache(Clock clock, Duration refreshMargin, Function<Set<String>, ServiceToken> fetcher) {
		this.clock = clock;
		this.refreshMargin = refreshMargin;
		this.fetcher = fetcher;
	}

	ServiceToken get(Set<String> scopes) {
		Set<String> key = Set.copyOf(new TreeSet<>(scopes));
		Cached cached = this.tokens.get(key);
		if (isFresh(cached)) {
			return cached.token();
		}
		CompletableFuture<ServiceToken> mine = new CompletableFuture<>();
		CompletableFuture<ServiceToken> running = this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return join(running);
		}
		try {
			Cached latest = this.tokens.get(key);
			ServiceToken token;
			if (isFresh(latest)) {
				token = latest.token();
			}
			else {
				token = this.fetcher.apply(key);
				cache(key, token);
			}
			mine.complete(token);
			return token;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(key, mine);
		}
	}

	private void cache(Set<String> key, ServiceToken token) {
		if (token.expiresAt().isEmpty()) {
			this.tokens.remove(key);
			return;
		}
		Instant expiresAt = token.expiresAt().get();
		Duration lifetime = Duration.between(this.clock.instant(), expiresAt);
		// a token shorter-lived than twice the margin is still reused for half its life
		Duration margin = (lifetime.compareTo(this.refreshMargin.multipliedBy(2)) < 0) ? lifetime.dividedBy(2)
				: this.refreshMargin;
		this.tokens.put(key, new Cached(token, expiresAt.minus(margin)));
	}

	private boolean isFresh(@Nullable Cached cached) {
		return cached != null && this.clock.instant().isBefore(cached.refreshAt());
	}

	private static ServiceToken join(CompletableFuture<ServiceToken> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private record Cached(ServiceToken token, Instant refreshAt) {

	}

}
