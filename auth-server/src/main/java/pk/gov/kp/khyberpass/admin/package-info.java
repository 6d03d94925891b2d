/**
 * The admin API for the security team: department clients, citizens, signing keys and the
 * audit log, behind admin roles and tokens issued to the admin console at
 * {@code urn:kp:loa:3}.
 */
@NullMarked
package pk.gov.kp.khyberpass.admin;

import org.jspecify.annotations.NullMarked;
