/**
 * End-to-end tests: the packaged auth-server with the sample relying party or a service
 * made by {@code examples/NewService.java} as processes, driven by headless Chromium, and
 * that tool's own checks.
 */
@NullMarked
package pk.gov.kp.khyberpass.e2e;

import org.jspecify.annotations.NullMarked;
