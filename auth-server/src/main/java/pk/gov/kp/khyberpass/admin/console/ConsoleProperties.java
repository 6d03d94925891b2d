package pk.gov.kp.khyberpass.admin.console;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin console's settings. Its client id is
 * {@code khyberpass.admin.console-client-id}, shared with the admin API, which accepts
 * only that client's tokens.
 *
 * @param clientSecret the console client's secret, used at this server's own token
 * endpoint ({@code KHYBERPASS_ADMIN_CONSOLE_CLIENT_SECRET}); empty: the console cannot
 * sign anyone in
 * @param apiUri where the console calls the admin API; by default the issuer (the server
 * calls itself through its public name, as any client would)
 */
@ConfigurationProperties("khyberpass.admin.console")
public record ConsoleProperties(@Nullable String clientSecret, @Nullable URI apiUri) {

	public ConsoleProperties {
		if (clientSecret != null && clientSecret.isBlank()) {
			clientSecret = null;
		}
		if (apiUri != null && !apiUri.isAbsolute()) {
			throw new IllegalArgumentException("khyberpass.admin.console.api-uri must be an absolute URI");
		}
	}

	/** The base URI of the admin API's calls: the configured one, else the issuer. */
	URI apiBase(URI issuer) {
		String base = ((this.apiUri != null) ? this.apiUri : issuer).toString();
		return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
	}

}
