/**
 * Recovery of a forgotten password: CNIC and date of birth, a code to the registered
 * mobile number, a new password; every session and refresh token of the account ends.
 * Never tells whether an account exists.
 */
@NullMarked
package pk.gov.kp.khyberpass.account.recovery;

import org.jspecify.annotations.NullMarked;
