package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * The admin API's settings.
 *
 * @param consoleClientId the client id of the admin console: the only client whose tokens
 * the admin API accepts
 * @param audience the admin API's identifier, which must be in the token's {@code aud};
 * by default the issuer followed by {@code /admin/api}
 * @param bootstrapCnic the CNIC of the citizen who becomes {@code security-admin} at
 * start-up while no administrator exists ({@code KHYBERPASS_ADMIN_BOOTSTRAP_CNIC}); empty
 * for none
 * @param secretGracePeriod how long a client's previous secret keeps working after a
 * rotation (a rotation may ask for less, never more)
 */
@ConfigurationProperties("khyberpass.admin")
public record AdminProperties(@DefaultValue("khyberpass-admin-console") String consoleClientId, @Nullable URI audience,
		@Nullable String bootstrapCnic, @DefaultValue("24h") Duration secretGracePeriod) {

	public AdminProperties {
		if (bootstrapCnic != null && bootstrapCnic.isBlank()) {
			bootstrapCnic = null;
		}
		if (bootstrapCnic != null) {
			// fails start-up on a typo rather than leaving the server without an
			// administrator
			Cnic.parse(bootstrapCnic);
		}
		if (audience != null && !audience.isAbsolute()) {
			throw new IllegalArgumentException("khyberpass.admin.audience must be an absolute URI");
		}
		if (secretGracePeriod.isNegative()) {
			throw new IllegalArgumentException("khyberpass.admin.secret-grace-period must not be negative");
		}
	}

	/**
	 * The audience the admin API requires: the configured one, else the issuer's
	 * {@code /admin/api}.
	 */
	public URI audienceFor(URI issuer) {
		if (this.audience != null) {
			return this.audience;
		}
		String base = issuer.toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/admin/api");
	}

}
