/**
 * One-time codes sent by SMS to a mobile number, shared by registration, recovery and the profile pages.
 */
@NullMarked
package pk.gov.kp.khyberpass.account.otp;

import org.jspecify.annotations.NullMarked;
