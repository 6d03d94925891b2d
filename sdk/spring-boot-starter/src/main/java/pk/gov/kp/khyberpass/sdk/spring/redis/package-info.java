/**
 * State shared by every node of a department service over Redis: the logout token ids
 * already used, the sessions ended by a logout, and the renewals of citizens' access
 * tokens.
 */
@NullMarked
package pk.gov.kp.khyberpass.sdk.spring.redis;

import org.jspecify.annotations.NullMarked;
