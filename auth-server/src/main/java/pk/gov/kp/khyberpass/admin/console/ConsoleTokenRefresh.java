package pk.gov.kp.khyberpass.admin.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

/**
 * Renews the console's access token so that each refresh token is spent once, however
 * many requests of one console session find the access token expired at the same moment
 * (two tabs, a page and its redirect), on one node or on several.
 * <p>
 * The server rotates refresh tokens and treats a spent one presented again as theft: it
 * revokes the whole family (RFC 9700 §4.14.2), which would sign the administrator out. So
 * the first request to renew with a refresh token claims it in the {@link EphemeralStore}
 * and renews; the others wait for its result and use it. The result stays there for
 * {@link #RESULT_TTL}, for requests that loaded the session before the first one saved
 * the new tokens in it; they follow it (and, if that too has expired, the next one)
 * instead of spending the old token again.
 * <p>
 * Nothing in the store is usable without the refresh token it replaces: the entries are
 * named by one hash of it and the result is sealed (AES-256-GCM) under a key made from it
 * by another, and only the console session that held that token has it. A refresh token
 * presented to the token endpoint directly is untouched: the server still detects its
 * reuse.
 */
final class ConsoleTokenRefresh implements OAuth2AuthorizedClientProvider {

	/**
	 * How long a claim holds while its request renews; a node that dies mid-way blocks
	 * others no longer.
	 */
	static final Duration CLAIM_TTL = Duration.ofSeconds(30);

	/**
	 * How long a renewal's result is kept for requests still holding the token it
	 * replaced.
	 */
	static final Duration RESULT_TTL = Duration.ofMinutes(2);

	/**
	 * How long a request waits for another's renewal before giving up (the administrator
	 * signs in again).
	 */
	static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * The renewal the server's tokens allow: a chain of results is followed this far at
	 * most.
	 */
	private static final int MAX_STEPS = 5;

	private static final Duration POLL = Duration.ofMillis(20);

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte RESULT = 'R';

	private static final byte FAILED = 'F';

	private final OAuth2AuthorizedClientProvider refresh;

	private final EphemeralStore store;

	private final SecureRandom random;

	private final Clock clock;

	/**
	 * @param refresh renews with the refresh token (Spring's provider), with the same
	 * clock and a 60-second early renewal
	 */
	ConsoleTokenRefresh(OAuth2AuthorizedClientProvider refresh, EphemeralStore store, SecureRandom random,
			Clock clock) {
		this.refresh = refresh;
		this.store = store;
		this.random = random;
		this.clock = clock;
	}

	/** Nothing to do (null) while the access token is fresh; else the renewed client. */
	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || current.getRefreshToken() == null || !dueForRenewal(current)) {
			return null;
		}
		for (int step = 0; step < MAX_STEPS; step++) {
			Spent spent = Spent.of(current.getRefreshToken().getTokenValue());
			Optional<OAuth2AuthorizedClient> known = outcome(spent, current);
			if (known.isEmpty() && this.store.putIfAbsent(spent.claimKey(), new byte[] { 1 }, CLAIM_TTL)) {
				return renew(context, current, spent);
			}
			OAuth2AuthorizedClient next = known.isPresent() ? known.get() : await(spent, current);
			if (usable(next)) {
				return next;
			}
			current = next;
		}
		throw failure("The console's tokens were renewed too many times at once");
	}

	private @Nullable OAuth2AuthorizedClient renew(OAuth2AuthorizationContext context, OAuth2AuthorizedClient current,
			Spent spent) {
		OAuth2AuthorizedClient renewed;
		try {
			renewed = this.refresh.authorize(OAuth2AuthorizationContext.withAuthorizedClient(current)
				.principal(context.getPrincipal())
				.attributes((attributes) -> attributes.putAll(context.getAttributes()))
				.build());
		}
		catch (RuntimeException ex) {
			this.store.put(spent.resultKey(), new byte[] { FAILED }, RESULT_TTL);
			throw ex;
		}
		if (renewed == null) {
			this.store.delete(spent.claimKey());
			return null;
		}
		this.store.put(spent.resultKey(), seal(spent, renewed), RESULT_TTL);
		return renewed;
	}

	/** Waits for the request that claimed {@code spent} to store its result. */
	private OAuth2AuthorizedClient await(Spent spent, OAuth2AuthorizedClient current) {
		// real time, not the clock: the wait is for another thread, whatever time the
		// tokens are judged by
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() - deadline < 0) {
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			Optional<OAuth2AuthorizedClient> known = outcome(spent, current);
			if (known.isPresent()) {
				return known.get();
			}
		}
		throw failure("Timed out waiting for another request to renew the console's tokens");
	}

	/**
	 * The stored result of renewing with {@code spent}, if there is one; a stored failure
	 * is thrown.
	 */
	private Optional<OAuth2AuthorizedClient> outcome(Spent spent, OAuth2AuthorizedClient current) {
		Optional<byte[]> stored = this.store.get(spent.resultKey());
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		if (stored.get()[0] == FAILED) {
			throw failure("Renewing the console's tokens failed in another request");
		}
		return Optional.of(open(spent, stored.get(), current));
	}

	private boolean dueForRenewal(OAuth2AuthorizedClient client) {
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		return expiresAt != null && this.clock.instant().isAfter(expiresAt.minus(CLOCK_SKEW));
	}

	/**
	 * A result from another request is good enough while its access token has not
	 * expired.
	 */
	private boolean usable(OAuth2AuthorizedClient client) {
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		return expiresAt == null || this.clock.instant().isBefore(expiresAt);
	}

	private byte[] seal(Spent spent, OAuth2AuthorizedClient renewed) {
		Map<String, Object> tokens = new LinkedHashMap<>();
		OAuth2AccessToken access = renewed.getAccessToken();
		tokens.put("access", access.getTokenValue());
		tokens.put("accessIssuedAt", epoch(access.getIssuedAt()));
		tokens.put("accessExpiresAt", epoch(access.getExpiresAt()));
		tokens.put("scopes", List.copyOf(access.getScopes()));
		OAuth2RefreshToken refreshToken = renewed.getRefreshToken();
		if (refreshToken != null) {
			tokens.put("refresh", refreshToken.getTokenValue());
			tokens.put("refreshIssuedAt", epoch(refreshToken.getIssuedAt()));
			tokens.put("refreshExpiresAt", epoch(refreshToken.getExpiresAt()));
		}
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		byte[] sealed = cipher(Cipher.ENCRYPT_MODE, spent, nonce).doFinal(JSON.writeValueAsBytes(tokens));
		byte[] stored = new byte[1 + nonce.length + sealed.length];
		stored[0] = RESULT;
		System.arraycopy(nonce, 0, stored, 1, nonce.length);
		System.arraycopy(sealed, 0, stored, 1 + nonce.length, sealed.length);
		return stored;
	}

	@SuppressWarnings("unchecked")
	private OAuth2AuthorizedClient open(Spent spent, byte[] stored, OAuth2AuthorizedClient current) {
		byte[] nonce = Arrays.copyOfRange(stored, 1, 13);
		Map<?, ?> tokens = JSON.readValue(
				cipher(Cipher.DECRYPT_MODE, spent, nonce).doFinal(Arrays.copyOfRange(stored, 13, stored.length)),
				Map.class);
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				(String) tokens.get("access"), instant(tokens.get("accessIssuedAt")),
				instant(tokens.get("accessExpiresAt")), Set.copyOf((List<String>) tokens.get("scopes")));
		OAuth2RefreshToken refreshToken = (tokens.get("refresh") != null)
				? new OAuth2RefreshToken((String) tokens.get("refresh"), instant(tokens.get("refreshIssuedAt")),
						instant(tokens.get("refreshExpiresAt")))
				: current.getRefreshToken();
		return new OAuth2AuthorizedClient(current.getClientRegistration(), current.getPrincipalName(), access,
				refreshToken);
	}

	private static Sealing cipher(int mode, Spent spent, byte[] nonce) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, new SecretKeySpec(spent.key(), "AES"), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(spent.id().getBytes(StandardCharsets.US_ASCII));
			return new Sealing(cipher);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static @Nullable Long epoch(@Nullable Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

	private static @Nullable Instant instant(@Nullable Object epochSeconds) {
		return (epochSeconds instanceof Number number) ? Instant.ofEpochSecond(number.longValue()) : null;
	}

	private static ClientAuthorizationException failure(String description) {
		return new ClientAuthorizationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null),
				ConsoleSecurityConfiguration.REGISTRATION_ID);
	}

	/**
	 * A cipher whose failure (a tampered entry, which cannot happen without the token) is
	 * not checked.
	 */
	private record Sealing(Cipher cipher) {

		byte[] doFinal(byte[] input) {
			try {
				return this.cipher.doFinal(input);
			}
			catch (GeneralSecurityException ex) {
				throw failure("A stored renewal does not open with its refresh token");
			}
		}

	}

	/**
	 * A refresh token about to be spent, known by names derived from it: {@code id} names
	 * its entries in the store and {@code key} seals the result, each a SHA-256 of the
	 * token under its own label. Refresh tokens carry at least 256 random bits, so a
	 * plain hash hides them.
	 */
	record Spent(String id, byte[] key) {

		static Spent of(String refreshToken) {
			return new Spent(HexFormat.of().formatHex(sha256("khyberpass console refresh id", refreshToken)),
					sha256("khyberpass console refresh key", refreshToken));
		}

		String claimKey() {
			return "console-refresh:claim:" + this.id;
		}

		String resultKey() {
			return "console-refresh:result:" + this.id;
		}

		private static byte[] sha256(String label, String token) {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				digest.update(label.getBytes(StandardCharsets.US_ASCII));
				digest.update((byte) 0);
				return digest.digest(token.getBytes(StandardCharsets.US_ASCII));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is not available", ex);
			}
		}

	}

}
