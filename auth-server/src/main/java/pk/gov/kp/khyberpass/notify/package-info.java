/**
 * Notifications to citizens: the SMS port and its adapters (an in-memory outbox for development, an HTTP
 * gateway for production).
 */
@NullMarked
package pk.gov.kp.khyberpass.notify;

import org.jspecify.annotations.NullMarked;
