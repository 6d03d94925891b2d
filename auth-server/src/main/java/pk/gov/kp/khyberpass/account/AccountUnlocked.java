package pk.gov.kp.khyberpass.account;

import java.time.Instant;

/**
 * An administrator unlocked an account: it may sign in again at once. Listeners lift what
 * else stands in the way: {@code protection} forgets the sign-in throttle's temporary
 * lock and failures for the account's names.
 *
 * @param account the account unlocked
 * @param unlockedAt when
 */
public record AccountUnlocked(AccountId account, Instant unlockedAt) {
}
