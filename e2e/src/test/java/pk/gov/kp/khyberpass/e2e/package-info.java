/**
 * End-to-end tests: the packaged auth-server and sample relying party as processes, driven by headless
 * Chromium.
 */
@NullMarked
package pk.gov.kp.khyberpass.e2e;

import org.jspecify.annotations.NullMarked;
