/**
 * The citizen's sign-in sessions: what is recorded at sign-in, listing them and ending
 * one or all, whether sessions live in Redis (Spring Session) or in the servlet container
 * (the development default).
 */
@NullMarked
package pk.gov.kp.khyberpass.account.sessions;

import org.jspecify.annotations.NullMarked;
