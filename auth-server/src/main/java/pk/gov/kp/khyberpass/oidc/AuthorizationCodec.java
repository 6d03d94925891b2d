package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Writes an {@link OAuth2Authorization} as JSON with every token value replaced by its
 * {@link TokenHash}, and reads it back. Attributes and token metadata go through Spring
 * Security's Jackson modules, whose type allow-list keeps stored JSON from instantiating
 * arbitrary classes.
 */
final class AuthorizationCodec {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper securityMapper = JsonMapper.builder()
		.addModules(SecurityJacksonModules.getModules(AuthorizationCodec.class.getClassLoader()))
		.build();

	private final JsonMapper plainMapper = JsonMapper.builder().build();

	String write(OAuth2Authorization authorization) {
		List<StoredToken> tokens = new ArrayList<>();
		for (Class<? extends OAuth2Token> type : List.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class,
				OAuth2RefreshToken.class, OidcIdToken.class)) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
			if (token != null) {
				tokens.add(StoredToken.of(type.getSimpleName(), token, this.securityMapper));
			}
		}
		Stored stored = new Stored(authorization.getId(), authorization.getRegisteredClientId(),
				authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
				authorization.getAuthorizedScopes(),
				this.securityMapper.writeValueAsString(authorization.getAttributes()), tokens);
		return this.plainMapper.writeValueAsString(stored);
	}

	/**
	 * Rebuilds the authorization; tokens carry their hashes as values, except the one the
	 * caller looked up by its clear value ({@code knownValue}), which gets that value
	 * back.
	 */
	OAuth2Authorization read(String json, RegisteredClient client, @Nullable String knownValue) {
		Stored stored = this.plainMapper.readValue(json, Stored.class);
		String knownHash = (knownValue != null) ? TokenHash.of(knownValue) : null;
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(stored.id())
			.principalName(stored.principalName())
			.authorizationGrantType(new AuthorizationGrantType(stored.grantType()))
			.authorizedScopes(stored.scopes())
			.attributes((attributes) -> attributes.putAll(this.securityMapper.readValue(stored.attributes(), MAP)));
		for (StoredToken token : stored.tokens()) {
			String value = token.valueHash().equals(knownHash) ? knownValue : token.valueHash();
			Map<String, Object> metadata = this.securityMapper.readValue(token.metadata(), MAP);
			builder.token(token.toToken(value, metadata), (m) -> m.putAll(metadata));
		}
		return builder.build();
	}

	String registeredClientId(String json) {
		return this.plainMapper.readValue(json, Stored.class).registeredClientId();
	}

	record Stored(String id, String registeredClientId, String principalName, String grantType, Set<String> scopes,
			String attributes, List<StoredToken> tokens) {
	}

	record StoredToken(String kind, String valueHash, @Nullable Instant issuedAt, @Nullable Instant expiresAt,
			@Nullable String tokenType, @Nullable Set<String> scopes, String metadata) {

		static StoredToken of(String kind, OAuth2Authorization.Token<? extends OAuth2Token> token, JsonMapper mapper) {
			OAuth2Token value = token.getToken();
			String tokenType = null;
			Set<String> scopes = null;
			if (value instanceof OAuth2AccessToken accessToken) {
				tokenType = accessToken.getTokenType().getValue();
				scopes = accessToken.getScopes();
			}
			return new StoredToken(kind, TokenHash.of(value.getTokenValue()), value.getIssuedAt(), value.getExpiresAt(),
					tokenType, scopes, mapper.writeValueAsString(token.getMetadata()));
		}

		@SuppressWarnings("unchecked")
		OAuth2Token toToken(String value, Map<String, Object> metadata) {
			return switch (this.kind) {
				case "OAuth2AuthorizationCode" -> new OAuth2AuthorizationCode(value, this.issuedAt, this.expiresAt);
				case "OAuth2AccessToken" -> new OAuth2AccessToken(
						OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(this.tokenType)
								? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER,
						value, this.issuedAt, this.expiresAt, this.scopes);
				case "OAuth2RefreshToken" -> new OAuth2RefreshToken(value, this.issuedAt, this.expiresAt);
				case "OidcIdToken" -> new OidcIdToken(value, this.issuedAt, this.expiresAt,
						(Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME));
				default -> throw new IllegalStateException("Unknown stored token kind " + this.kind);
			};
		}

	}

}
