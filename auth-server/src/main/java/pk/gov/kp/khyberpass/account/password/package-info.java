/**
 * Passwords: Argon2id hashing and the NIST SP 800-63B-4 password policy.
 */
@NullMarked
package pk.gov.kp.khyberpass.account.password;

import org.jspecify.annotations.NullMarked;
