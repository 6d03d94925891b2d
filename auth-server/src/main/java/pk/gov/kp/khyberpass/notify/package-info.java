/**
 * Notifications to citizens: the SMS and e-mail ports and their adapters (in-memory
 * outboxes for development, HTTP relays for production).
 */
@NullMarked
package pk.gov.kp.khyberpass.notify;

import org.jspecify.annotations.NullMarked;
