/**
 * Pages shared by every feature: the explanation shown when Khyber Pass could not
 * complete a sign-in.
 */
@NullMarked
package pk.gov.kp.mvr.web;

import org.jspecify.annotations.NullMarked;
