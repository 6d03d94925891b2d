/**
 * Calling another department's API with a Khyber Pass service token (client credentials):
 * the vehicle registry lookup.
 */
@NullMarked
package pk.gov.kp.mvr.lookup;

import org.jspecify.annotations.NullMarked;
