/**
 * Second factors (TOTP, recovery codes) and stepping a session up to a higher assurance
 * level.
 */
@NullMarked
package pk.gov.kp.khyberpass.mfa;

import org.jspecify.annotations.NullMarked;
