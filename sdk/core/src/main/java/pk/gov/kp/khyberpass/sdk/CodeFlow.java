package pk.gov.kp.khyberpass.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

/**
 * The authorization code callback, code exchange and refresh. Thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth">OIDC
 * Core §3.1</a>
 */
final class CodeFlow {

	private final String issuer;

	private final Supplier<ProviderMetadata> metadata;

	private final TokenEndpoint tokenEndpoint;

	private final IdTokenValidator idTokens;

	CodeFlow(String issuer, Supplier<ProviderMetadata> metadata, TokenEndpoint tokenEndpoint,
			IdTokenValidator idTokens) {
		this.issuer = issuer;
		this.metadata = metadata;
		this.tokenEndpoint = tokenEndpoint;
		this.idTokens = idTokens;
	}

	TokenResponse exchange(Map<String, String> callback, PendingAuthorization pending) {
		checkState(callback.get("state"), pending.state());
		checkIssuer(callback.get("iss"));
		String error = callback.get("error");
		if (error != null) {
			throw new OAuthErrorException(error, callback.get("error_description"), "The authorization endpoint");
		}
		String code = callback.get("code");
		if (code == null || code.isEmpty()) {
			throw new InvalidTokenException(Reason.MALFORMED, "The callback has neither 'code' nor 'error'");
		}
		Map<String, String> grant = new LinkedHashMap<>();
		grant.put("grant_type", "authorization_code");
		grant.put("code", code);
		grant.put("redirect_uri", pending.redirectUri().toString());
		grant.put("code_verifier", pending.codeVerifier());
		TokenEndpoint.Answer answer = this.tokenEndpoint.post(grant);
		String idToken = answer.optionalString("id_token")
			.orElseThrow(() -> new KhyberPassClientException("The token endpoint answered without an id_token; "
					+ "check that the client is registered for OpenID Connect"));
		String accessToken = answer.requiredString("access_token");
		VerifiedIdToken verified = this.idTokens.validate(idToken, pending.nonce(), pending.minimumAcr(),
				pending.maxAge(), accessToken);
		return tokenResponse(answer, Optional.of(verified));
	}

	TokenResponse refresh(String refreshToken) {
		if (refreshToken == null || refreshToken.isEmpty()) {
			throw new KhyberPassClientException("The refresh token is empty");
		}
		Map<String, String> grant = new LinkedHashMap<>();
		grant.put("grant_type", "refresh_token");
		grant.put("refresh_token", refreshToken);
		TokenEndpoint.Answer answer = this.tokenEndpoint.post(grant);
		Optional<VerifiedIdToken> idToken = answer.optionalString("id_token")
			.map((token) -> this.idTokens.validate(token, null, null, null, answer.requiredString("access_token")));
		return tokenResponse(answer, idToken);
	}

	private static TokenResponse tokenResponse(TokenEndpoint.Answer answer, Optional<VerifiedIdToken> idToken) {
		return new TokenResponse(answer.requiredString("access_token"), answer.requiredString("token_type"),
				answer.expiresAt(), answer.optionalString("refresh_token"), answer.scopes(Set.of()), idToken);
	}

	private static void checkState(@Nullable String received, String expected) {
		if (received == null || !MessageDigest.isEqual(received.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8))) {
			throw new InvalidTokenException(Reason.STATE, "The callback's state does not match the one saved in the "
					+ "session (a forged or stale callback, or a lost session); start a new sign-in");
		}
	}

	/**
	 * RFC 9207: the {@code iss} parameter must be ours, and present when the provider
	 * says it sends it.
	 */
	private void checkIssuer(@Nullable String received) {
		if (received == null) {
			if (this.metadata.get().issParameterSupported()) {
				throw new InvalidTokenException(Reason.ISSUER,
						"The callback lacks the 'iss' parameter that Khyber Pass always sends (RFC 9207)");
			}
			return;
		}
		if (!this.issuer.equals(received)) {
			throw new InvalidTokenException(Reason.ISSUER, "The callback's 'iss' is not '" + this.issuer
					+ "' (RFC 9207): a mix-up attack or a " + "misconfigured issuer URI");
		}
	}

}
