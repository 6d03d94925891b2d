/**
 * Single sign-on sessions and single logout (RP-initiated and back-channel fan-out).
 */
@NullMarked
package pk.gov.kp.khyberpass.session;

import org.jspecify.annotations.NullMarked;
