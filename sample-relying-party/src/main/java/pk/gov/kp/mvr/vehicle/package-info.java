/**
 * Vehicles registered to citizens: the dashboard, token-tax payment (step-up to
 * multi-factor) and the bearer-token registry API.
 */
@NullMarked
package pk.gov.kp.mvr.vehicle;

import org.jspecify.annotations.NullMarked;
