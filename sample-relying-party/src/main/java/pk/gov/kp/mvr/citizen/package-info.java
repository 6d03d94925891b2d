/**
 * What the service knows about the signed-in citizen: the claims Khyber Pass released
 * with consent.
 */
@NullMarked
package pk.gov.kp.mvr.citizen;

import org.jspecify.annotations.NullMarked;
