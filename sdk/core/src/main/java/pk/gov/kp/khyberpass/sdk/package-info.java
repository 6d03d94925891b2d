/**
 * Framework-free client library that signs citizens in with Khyber Pass and validates its
 * tokens; start with {@link pk.gov.kp.khyberpass.sdk.KhyberPassClient}.
 */
@NullMarked
package pk.gov.kp.khyberpass.sdk;

import org.jspecify.annotations.NullMarked;
