package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Provider's settings.
 *
 * @param issuer the issuer identifier ({@code KHYBERPASS_ISSUER}); https in production
 * @param accessTokenLifetime lifetime of JWT access tokens
 * @param authorizationCodeLifetime lifetime of authorization codes (at most 60 s)
 * @param clientCacheTtl how long a node caches a client registration before re-reading it
 */
@ConfigurationProperties("khyberpass.oidc")
public record OidcProperties(URI issuer, @DefaultValue("5m") Duration accessTokenLifetime,
		@DefaultValue("60s") Duration authorizationCodeLifetime, @DefaultValue("30s") Duration clientCacheTtl) {

	public OidcProperties {
		if (authorizationCodeLifetime.compareTo(Duration.ofSeconds(60)) > 0) {
			throw new IllegalArgumentException("khyberpass.oidc.authorization-code-lifetime must be at most 60s");
		}
	}

}
