package pk.gov.kp.khyberpass.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Renews a sign-in's access token with its refresh token shortly before it expires, once
 * per refresh token: Khyber Pass rotates refresh tokens and revokes the whole family when
 * a spent one is presented again, so two requests of one session must never both present
 * the same token. Concurrent callers holding the same refresh token share one request; a
 * caller still holding a refresh token that was just rotated (a copy of the session read
 * before the other request stored the new tokens) gets that rotation's result for
 * {@link #REMEMBER_ROTATION} instead of presenting the spent token. Both work within this
 * JVM; with a {@link SharedRenewal}, the one caller per JVM also shares the renewal with
 * the other nodes. Thread-safe.
 */
final class SessionTokenRefresher {

	/** How long the result of a rotation is handed to stale copies of the old tokens. */
	static final Duration REMEMBER_ROTATION = Duration.ofMinutes(1);

	private final Clock clock;

	private final Duration margin;

	private final Function<String, TokenResponse> refresh;

	private final @Nullable SharedRenewal shared;

	private final Map<String, CompletableFuture<SessionTokens>> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Rotation> rotations = new ConcurrentHashMap<>();

	SessionTokenRefresher(Clock clock, Duration margin, Function<String, TokenResponse> refresh,
			@Nullable SharedRenewal shared) {
		this.clock = clock;
		this.margin = margin;
		this.refresh = refresh;
		this.shared = shared;
	}

	SessionTokens refreshIfExpiring(SessionTokens current) {
		Instant now = this.clock.instant();
		if (!current.expiring(now, this.margin)) {
			return current;
		}
		String refreshToken = current.refreshToken();
		if (refreshToken == null) {
			if (current.expired(now)) {
				throw new SignInRequiredException("The access token expired and the sign-in has no refresh token "
						+ "(is the client registered for the refresh_token grant?)");
			}
			return current;
		}
		String key = fingerprint(refreshToken);
		SessionTokens rotated = recentRotation(key, now);
		if (rotated != null) {
			return rotated;
		}
		CompletableFuture<SessionTokens> mine = new CompletableFuture<>();
		CompletableFuture<SessionTokens> running = this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return join(running);
		}
		try {
			SessionTokens result = recentRotation(key, now);
			if (result == null) {
				result = refresh(current, refreshToken, key);
			}
			mine.complete(result);
			return result;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(key, mine);
		}
	}

	private SessionTokens refresh(SessionTokens current, String refreshToken, String key) {
		RenewalOutcome outcome = (this.shared != null)
				? this.shared.renew(refreshToken, current, () -> present(current, refreshToken))
				: present(current, refreshToken);
		if (outcome instanceof RenewalOutcome.Renewed renewed) {
			Instant now = this.clock.instant();
			this.rotations.values().removeIf((rotation) -> rotation.forgetAt().isBefore(now));
			this.rotations.put(key, new Rotation(renewed.tokens(), now.plus(REMEMBER_ROTATION)));
			return renewed.tokens();
		}
		if (outcome instanceof RenewalOutcome.Refused refused) {
			throw refused.failure();
		}
		return currentWhileValid(current, ((RenewalOutcome.Unavailable) outcome).failure());
	}

	/** Presents the refresh token to Khyber Pass. */
	private RenewalOutcome present(SessionTokens current, String refreshToken) {
		TokenResponse response;
		try {
			response = this.refresh.apply(refreshToken);
		}
		catch (OAuthErrorException ex) {
			if ("invalid_grant".equals(ex.error())) {
				return new RenewalOutcome.Refused(new SignInRequiredException("Khyber Pass refused to refresh the "
						+ "sign-in (invalid_grant): the refresh token was spent, expired or revoked", ex));
			}
			return new RenewalOutcome.Unavailable(ex);
		}
		catch (InvalidTokenException ex) {
			// the refresh token was spent on an answer we cannot accept: the sign-in
			// cannot go on
			return new RenewalOutcome.Refused(new SignInRequiredException(
					"The ID token of the refresh answer was rejected (" + ex.reason() + ")", ex));
		}
		catch (KhyberPassClientException ex) {
			return new RenewalOutcome.Unavailable(ex);
		}
		String expected = current.subject();
		if (expected != null && response.idToken().isPresent()
				&& !expected.equals(response.idToken().get().subject())) {
			return new RenewalOutcome.Refused(
					new SignInRequiredException("The refresh answer's ID token names another subject"));
		}
		return new RenewalOutcome.Renewed(current.rotated(response, this.clock.instant()));
	}

	/**
	 * A failure that may pass (network, Khyber Pass unavailable): go on with the current
	 * token while it lives.
	 */
	private SessionTokens currentWhileValid(SessionTokens current, KhyberPassClientException failure) {
		if (current.expired(this.clock.instant())) {
			throw failure;
		}
		return current;
	}

	private @Nullable SessionTokens recentRotation(String key, Instant now) {
		Rotation rotation = this.rotations.get(key);
		return (rotation != null && now.isBefore(rotation.forgetAt())) ? rotation.tokens() : null;
	}

	int rememberedRotations() {
		return this.rotations.size();
	}

	/** Keys the maps without keeping refresh tokens themselves in them. */
	private static String fingerprint(String refreshToken) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	private static SessionTokens join(CompletableFuture<SessionTokens> future) {
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

	private record Rotation(SessionTokens tokens, Instant forgetAt) {

	}

}
