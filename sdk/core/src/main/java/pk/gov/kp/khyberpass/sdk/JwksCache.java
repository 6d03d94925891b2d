package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

/**
 * The issuer's signing keys. Fetched on first use, refreshed in the background before the
 * {@code Cache-Control: max-age} (bounded by a floor and a ceiling) runs out, and
 * re-fetched when a token names an unknown {@code kid} — at most once per refetch
 * interval, so forged key ids cannot make this service hammer Khyber Pass. Concurrent
 * callers share one fetch. If refreshing fails, the last keys stay in use until their
 * lifetime plus the ceiling has passed. Thread-safe.
 */
final class JwksCache implements AutoCloseable {

	private static final System.Logger log = System.getLogger(JwksCache.class.getName());

	private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");

	private final Supplier<URI> jwksUri;

	private final HttpTransport http;

	private final Clock clock;

	private final Settings settings;

	private final ScheduledExecutorService scheduler;

	private final Object lock = new Object();

	private volatile @Nullable Snapshot snapshot;

	// guarded by lock
	private @Nullable CompletableFuture<Snapshot> inFlight;

	// guarded by lock
	private @Nullable Instant lastFetchStarted;

	// guarded by lock
	private @Nullable ScheduledFuture<?> scheduledRefresh;

	JwksCache(Supplier<URI> jwksUri, HttpTransport http, Clock clock, Settings settings,
			ScheduledExecutorService scheduler) {
		this.jwksUri = jwksUri;
		this.http = http;
		this.clock = clock;
		this.settings = settings;
		this.scheduler = scheduler;
	}

	/**
	 * Finds the key for a token header.
	 * @throws InvalidTokenException (UNKNOWN_KEY, ALGORITHM) when no key fits
	 * @throws KhyberPassClientException when the keys cannot be fetched at all
	 */
	VerificationKey select(@Nullable String kid, JWSAlgorithm alg) {
		Snapshot current = usableSnapshot();
		VerificationKey key = current.find(kid, alg);
		if (key == null) {
			Snapshot refreshed = refresh(Trigger.UNKNOWN_KEY);
			if (refreshed != null) {
				key = refreshed.find(kid, alg);
			}
		}
		if (key == null) {
			throw new InvalidTokenException(Reason.UNKNOWN_KEY,
					(kid != null)
							? "No key with the token's kid in the issuer's JWKS (a retired, foreign or forged key)"
							: "The token has no kid and the issuer's JWKS does not hold exactly one " + alg + " key");
		}
		if (!key.fits(alg)) {
			throw new InvalidTokenException(Reason.ALGORITHM,
					"The token's alg " + alg + " does not fit the type, curve or alg of the issuer's key it names");
		}
		return key;
	}

	private Snapshot usableSnapshot() {
		Snapshot current = this.snapshot;
		if (current == null) {
			current = refresh(Trigger.FIRST_USE);
			if (current == null) {
				throw new KhyberPassClientException("The issuer's JWKS could not be fetched recently and the "
						+ "next attempt is rate-limited; check that Khyber Pass is reachable");
			}
			return current;
		}
		Instant now = this.clock.instant();
		if (now.isAfter(current.expiresAt())) {
			try {
				Snapshot refreshed = refresh(Trigger.EXPIRED);
				if (refreshed != null) {
					return refreshed;
				}
			}
			catch (KhyberPassClientException ex) {
				log.log(System.Logger.Level.WARNING,
						"JWKS refresh failed; using keys fetched at " + current.fetchedAt() + ": " + ex.getMessage());
			}
			if (now.isAfter(current.expiresAt().plus(this.settings.maxTtl()))) {
				throw new KhyberPassClientException("The issuer's JWKS has not been refreshed since "
						+ current.fetchedAt() + " and is too old to trust; check that Khyber Pass is reachable");
			}
		}
		return current;
	}

	/**
	 * Fetches the keys unless another thread is fetching (then waits for it) or, except
	 * for background refreshes, a fetch started within the refetch interval (then returns
	 * {@code null}).
	 */
	private @Nullable Snapshot refresh(Trigger trigger) {
		CompletableFuture<Snapshot> fetch;
		boolean owner = false;
		synchronized (this.lock) {
			if (this.inFlight != null) {
				fetch = this.inFlight;
			}
			else {
				Instant now = this.clock.instant();
				if (trigger != Trigger.BACKGROUND && this.lastFetchStarted != null
						&& now.isBefore(this.lastFetchStarted.plus(this.settings.refetchInterval()))) {
					return null;
				}
				this.lastFetchStarted = now;
				fetch = new CompletableFuture<>();
				this.inFlight = fetch;
				owner = true;
			}
		}
		if (owner) {
			try {
				Snapshot fetched = fetch();
				this.snapshot = fetched;
				fetch.complete(fetched);
				scheduleRefresh(fetched.ttl().multipliedBy(3).dividedBy(4));
			}
			catch (RuntimeException ex) {
				fetch.completeExceptionally(ex);
				scheduleRefresh(this.settings.refetchInterval());
			}
			finally {
				synchronized (this.lock) {
					this.inFlight = null;
				}
			}
		}
		try {
			return fetch.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private void scheduleRefresh(Duration delay) {
		synchronized (this.lock) {
			if (this.scheduler.isShutdown()) {
				return;
			}
			if (this.scheduledRefresh != null) {
				this.scheduledRefresh.cancel(false);
			}
			long millis = Math.max(delay.toMillis(), 100);
			this.scheduledRefresh = this.scheduler.schedule(this::refreshInBackground, millis, TimeUnit.MILLISECONDS);
		}
	}

	private void refreshInBackground() {
		try {
			refresh(Trigger.BACKGROUND);
		}
		catch (RuntimeException ex) {
			log.log(System.Logger.Level.WARNING, "Background JWKS refresh failed, will retry: " + ex.getMessage());
		}
	}

	private Snapshot fetch() {
		URI uri = this.jwksUri.get();
		HttpTransport.JsonResponse response = this.http.get(uri, "JWKS", Map.of());
		if (!response.isSuccess()) {
			throw new KhyberPassClientException(
					"JWKS at " + uri + " answered HTTP " + response.status() + "; check that Khyber Pass is healthy");
		}
		JWKSet set;
		try {
			set = JWKSet.parse(response.body());
		}
		catch (ParseException ex) {
			throw new KhyberPassClientException("JWKS at " + uri + " is not a valid JWK set: " + ex.getMessage(), ex);
		}
		Duration ttl = ttl(response.headers().firstValue("Cache-Control").orElse(""));
		Instant now = this.clock.instant();
		return Snapshot.of(set, this.snapshot, now, ttl);
	}

	Duration ttl(String cacheControl) {
		Duration ttl = this.settings.defaultTtl();
		String directives = cacheControl.toLowerCase(Locale.ROOT);
		Matcher matcher = MAX_AGE.matcher(directives);
		if (directives.contains("no-store") || directives.contains("no-cache")) {
			ttl = Duration.ZERO;
		}
		else if (matcher.find()) {
			ttl = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
		}
		if (ttl.compareTo(this.settings.minTtl()) < 0) {
			return this.settings.minTtl();
		}
		return (ttl.compareTo(this.settings.maxTtl()) > 0) ? this.settings.maxTtl() : ttl;
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.scheduledRefresh != null) {
				this.scheduledRefresh.cancel(false);
			}
		}
	}

	private enum Trigger {

		FIRST_USE, UNKNOWN_KEY, EXPIRED, BACKGROUND

	}

	/**
	 * JWKS cache settings.
	 *
	 * @param minTtl the floor for {@code max-age}
	 * @param maxTtl the ceiling for {@code max-age}
	 * @param defaultTtl the lifetime when Khyber Pass sends no {@code max-age}
	 * @param refetchInterval the least time between two fetches triggered by tokens
	 */
	record Settings(Duration minTtl, Duration maxTtl, Duration defaultTtl, Duration refetchInterval) {

	}

	/**
	 * The keys of one fetch, indexed by {@code kid}.
	 */
	record Snapshot(Map<String, VerificationKey> byKid, List<VerificationKey> all, Instant fetchedAt, Duration ttl) {

		static Snapshot of(JWKSet set, @Nullable Snapshot previous, Instant now, Duration ttl) {
			Map<String, VerificationKey> byKid = new HashMap<>();
			List<VerificationKey> all = new ArrayList<>();
			for (JWK jwk : set.getKeys()) {
				if (!usable(jwk)) {
					continue;
				}
				JWK publicJwk = jwk.toPublicJWK();
				VerificationKey key = null;
				if (previous != null && publicJwk.getKeyID() != null) {
					VerificationKey old = previous.byKid().get(publicJwk.getKeyID());
					key = (old != null && old.jwk().equals(publicJwk)) ? old : null;
				}
				key = (key != null) ? key : new VerificationKey(publicJwk);
				all.add(key);
				if (publicJwk.getKeyID() != null) {
					byKid.putIfAbsent(publicJwk.getKeyID(), key);
				}
			}
			return new Snapshot(Map.copyOf(byKid), List.copyOf(all), now, ttl);
		}

		private static boolean usable(JWK jwk) {
			if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
				return false;
			}
			if (jwk instanceof ECKey ec) {
				return Curve.P_256.equals(ec.getCurve());
			}
			return jwk instanceof RSAKey rsa && rsa.size() >= 2048;
		}

		Instant expiresAt() {
			return this.fetchedAt.plus(this.ttl);
		}

		@Nullable VerificationKey find(@Nullable String kid, JWSAlgorithm alg) {
			if (kid != null) {
				return this.byKid.get(kid);
			}
			VerificationKey found = null;
			for (VerificationKey key : this.all) {
				if (key.fits(alg)) {
					if (found != null) {
						return null;
					}
					found = key;
				}
			}
			return found;
		}

	}

}
