/**
 * The Motor Vehicle Registration sample service: a department service signing citizens in
 * with Khyber Pass.
 */
@NullMarked
package pk.gov.kp.mvr;

import org.jspecify.annotations.NullMarked;
