/**
 * Citizens registering themselves: identity checked against the civil registry, mobile
 * number proved with a one-time code, then an account.
 */
@NullMarked
package pk.gov.kp.khyberpass.account.registration;

import org.jspecify.annotations.NullMarked;
