/**
 * Short-lived shared state (Redis in production, in-process in development), expired by
 * time.
 */
@NullMarked
package pk.gov.kp.khyberpass.ephemeral;

import org.jspecify.annotations.NullMarked;
