package pk.gov.kp.khyberpass.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.OidcProperties;

/**
 * Makes "sign out everywhere" reach the admin API at once: JWT access tokens are not
 * stored, so revoking token families does not stop one already issued. Instead the
 * account's sign-out instant is kept (in the ephemeral store, on every node) for the
 * longest access-token lifetime any client may have (the server's, or a client's own of
 * at most an hour), and an admin API token issued at or before it is refused as if it
 * were invalid.
 */
@Component
final class AccessTokenCutoff {

	private final EphemeralStore ephemeral;

	private final Duration keepFor;

	private final Clock clock;

	AccessTokenCutoff(EphemeralStore ephemeral, OidcProperties oidc, Clock clock) {
		this.ephemeral = ephemeral;
		Duration longest = (oidc.accessTokenLifetime().compareTo(DepartmentClient.MAX_TOKEN_LIFETIME) > 0)
				? oidc.accessTokenLifetime() : DepartmentClient.MAX_TOKEN_LIFETIME;
		this.keepFor = longest.plusMinutes(1);
		this.clock = clock;
	}

	/** Access tokens of the account issued until now stop working at the admin API. */
	void cutOff(AccountId account) {
		byte[] now = Long.toString(this.clock.instant().getEpochSecond()).getBytes(StandardCharsets.US_ASCII);
		this.ephemeral.put(key(account.toString()), now, this.keepFor);
	}

	/**
	 * Whether the token was issued at or before its subject's last sign-out everywhere.
	 */
	boolean isCutOff(Jwt jwt) {
		if (jwt.getSubject() == null || jwt.getSubject().length() > 64) {
			return false;
		}
		Optional<Instant> cutoff = this.ephemeral.get(key(jwt.getSubject()))
			.map((bytes) -> Instant.ofEpochSecond(Long.parseLong(new String(bytes, StandardCharsets.US_ASCII))));
		Instant issuedAt = (jwt.getIssuedAt() != null) ? jwt.getIssuedAt() : Instant.EPOCH;
		return cutoff.isPresent() && !issuedAt.isAfter(cutoff.get());
	}

	private static String key(String subject) {
		return "admin-token-cutoff:" + subject;
	}

}
