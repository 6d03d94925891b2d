package pk.gov.kp.khyberpass.account;

import java.time.Instant;

/**
 * A citizen's password was replaced (changed in the account area or reset through
 * recovery). Listeners end what the old password may have opened: {@code oidc} revokes
 * every refresh-token family of the account.
 *
 * @param account whose password changed
 * @param changedAt when
 * @param reason why, as recorded in the audit log ({@code "changed"} or
 * {@code "recovered"})
 */
public record PasswordChanged(AccountId account, Instant changedAt, String reason) {
}
