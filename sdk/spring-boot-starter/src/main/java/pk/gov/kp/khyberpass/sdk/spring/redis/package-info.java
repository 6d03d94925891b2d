/**
 * Back-channel logout state shared by every node of a department service over Redis: the
 * logout token ids already used, and the sessions ended by a logout.
 */
@NullMarked
package pk.gov.kp.khyberpass.sdk.spring.redis;

import org.jspecify.annotations.NullMarked;
