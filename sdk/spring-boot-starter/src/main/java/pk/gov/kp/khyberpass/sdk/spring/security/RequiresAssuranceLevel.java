package pk.gov.kp.khyberpass.sdk.spring.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a sign-in of at least this assurance level for a Spring MVC handler method, or
 * every handler of a controller class. A browser session below it is sent to Khyber Pass
 * to step up ({@code acr_values}) and comes back to the same URL; an API request with a
 * weaker access token gets HTTP 401 {@code insufficient_user_authentication} (RFC 9470).
 *
 * <pre>{@code
 * &#64;PostMapping("/pay")
 * &#64;RequiresAssuranceLevel("urn:kp:loa:2")
 * String pay(...) { ... }
 * }</pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresAssuranceLevel {

	/**
	 * The minimum {@code acr}: {@code urn:kp:loa:1}, {@code urn:kp:loa:2} or
	 * {@code urn:kp:loa:3}.
	 * @return the level
	 */
	String value();

}
