/**
 * A Jakarta Servlet filter that signs citizens in with Khyber Pass and protects the paths
 * of a plain servlet application; start with
 * {@link pk.gov.kp.khyberpass.sdk.servlet.KhyberPassFilter}.
 */
@NullMarked
package pk.gov.kp.khyberpass.sdk.servlet;

import org.jspecify.annotations.NullMarked;
