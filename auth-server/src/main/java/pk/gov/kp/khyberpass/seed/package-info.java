/**
 * Start-up seeding of department clients and citizens from the {@code KHYBERPASS_SEED}
 * file.
 */
@NullMarked
package pk.gov.kp.khyberpass.seed;

import org.jspecify.annotations.NullMarked;
