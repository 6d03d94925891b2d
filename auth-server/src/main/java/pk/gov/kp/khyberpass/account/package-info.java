/**
 * Citizen accounts: provisioning, look-up by CNIC or mobile number, and password sign-in.
 */
@NullMarked
package pk.gov.kp.khyberpass.account;

import org.jspecify.annotations.NullMarked;
