/**
 * Spring Boot auto-configuration of the Khyber Pass SDK: the {@code khyberpass.*}
 * properties, the shared client and service tokens.
 */
@NullMarked
package pk.gov.kp.khyberpass.sdk.spring;

import org.jspecify.annotations.NullMarked;
