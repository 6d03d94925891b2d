/**
 * Khyber Pass, the OpenID Provider of the Government of Khyber Pakhtunkhwa.
 */
@NullMarked
package pk.gov.kp.khyberpass;

import org.jspecify.annotations.NullMarked;
