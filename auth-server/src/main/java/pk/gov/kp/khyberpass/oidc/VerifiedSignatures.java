package pk.gov.kp.khyberpass.oidc;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The self-contained access tokens whose signature this node has already verified, so
 * that introspecting the same token again costs a map look-up instead of an ES256
 * verification (the larger part of an introspection's CPU time; a client reuses its token
 * for its whole lifetime, and a resource server introspects it on each call).
 * <p>
 * Only what the signature proves is remembered: the exact token string (the map's key,
 * compared in full, not a hash of it) was signed by the key its {@code kid} names. Every
 * use checks again what can change: the time claims (the decoder's own
 * {@link JwtTimestampValidator}, same clock and skew), and that the key is still
 * published (a retired key's tokens stop verifying at once, as they do without the
 * cache). The deny list of revoked tokens and the client's registration are checked by
 * the callers on every request, hit or miss. Only tokens that passed the full
 * verification are added, so a forged token never enters; the map is bounded and cleared
 * when full, which costs only verifications.
 */
final class VerifiedSignatures {

	private static final int MAXIMUM_TOKENS = 4096;

	private final ConcurrentMap<String, Jwt> verified = new ConcurrentHashMap<>();

	private final JWKSource<SecurityContext> publishedKeys;

	private final JwtTimestampValidator timestamps;

	VerifiedSignatures(JWKSource<SecurityContext> publishedKeys, Clock clock) {
		this.publishedKeys = publishedKeys;
		this.timestamps = new JwtTimestampValidator();
		this.timestamps.setClock(clock);
	}

	/**
	 * The claims of {@code token} if its signature was verified before and its key and
	 * time claims are still good; empty means: verify it in full.
	 */
	Optional<Jwt> find(String token) {
		Jwt jwt = this.verified.get(token);
		if (jwt == null) {
			return Optional.empty();
		}
		if (this.timestamps.validate(jwt).hasErrors() || !stillPublished(jwt)) {
			this.verified.remove(token, jwt);
			return Optional.empty();
		}
		return Optional.of(jwt);
	}

	/**
	 * Whether {@code token} passed the full verification before; says nothing of whether
	 * it is still valid (that is {@link #find}).
	 */
	boolean remembers(String token) {
		return this.verified.containsKey(token);
	}

	/** Remembers a token that has just passed the full verification. */
	void remember(Jwt jwt) {
		if (this.verified.size() >= MAXIMUM_TOKENS) {
			this.verified.clear();
		}
		this.verified.put(jwt.getTokenValue(), jwt);
	}

	private boolean stillPublished(Jwt jwt) {
		Object kid = jwt.getHeaders().get("kid");
		if (!(kid instanceof String keyId)) {
			return false;
		}
		try {
			return !this.publishedKeys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null)
				.isEmpty();
		}
		catch (KeySourceException ex) {
			return false;
		}
	}

}
