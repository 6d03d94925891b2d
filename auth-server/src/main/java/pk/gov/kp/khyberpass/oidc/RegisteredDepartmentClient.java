package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A department client as registered: its settings (never its secret), whether it is
 * enabled, and the state of a secret rotation.
 *
 * @param client the registration; {@code clientSecret} is always {@code null}
 * @param enabled whether the client may authenticate and be authorized
 * @param issuedAt when the client was first registered
 * @param previousSecretValidUntil until when the secret replaced by the last rotation is
 * still accepted, if that is still ahead
 */
public record RegisteredDepartmentClient(DepartmentClient client, boolean enabled, Instant issuedAt,
		@Nullable Instant previousSecretValidUntil) {
}
