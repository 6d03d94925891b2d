package pk.gov.kp.khyberpass.admin;

import org.jspecify.annotations.Nullable;

/**
 * The body of a mutating admin call that needs nothing but its reason.
 *
 * @param reason why the administrator does it (3 to 500 characters), stored in the audit
 * log
 */
record ReasonRequest(@Nullable String reason) {
}
