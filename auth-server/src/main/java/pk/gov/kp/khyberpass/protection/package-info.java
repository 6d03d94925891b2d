/**
 * Protection of every surface: security headers, sign-in pages' filter chain, rate
 * limits.
 */
@NullMarked
package pk.gov.kp.khyberpass.protection;

import org.jspecify.annotations.NullMarked;
