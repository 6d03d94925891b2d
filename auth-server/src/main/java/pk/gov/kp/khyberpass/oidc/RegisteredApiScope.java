package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;

/**
 * An API scope as stored, with who changed it last and when.
 *
 * @param scope the scope and its descriptions
 * @param updatedAt when it was last created or changed
 * @param updatedBy who did: an administrator's account id, or {@value ApiScopes#SEED} for
 * the seed file
 */
public record RegisteredApiScope(ApiScope scope, Instant updatedAt, String updatedBy) {
}
