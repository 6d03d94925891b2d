/**
 * Passkeys (WebAuthn, verified with WebAuthn4J): adding, naming and removing them in the
 * account area, signing in with a passkey alone ({@code urn:kp:loa:3}), and stepping a
 * password session up with one.
 */
@NullMarked
package pk.gov.kp.khyberpass.mfa.passkey;

import org.jspecify.annotations.NullMarked;
