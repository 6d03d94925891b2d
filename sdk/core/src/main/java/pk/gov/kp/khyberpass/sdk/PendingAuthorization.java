package pk.gov.kp.khyberpass.sdk;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the department service keeps in the citizen's session between sending the browser
 * to Khyber Pass and receiving the callback; pass it to
 * {@link KhyberPassClient#exchangeCode(java.util.Map, PendingAuthorization)}. It holds
 * secrets (the PKCE verifier and the nonce): keep it server-side, use it once, and never
 * put it in a cookie or URL. Immutable, thread-safe and serializable; {@code toString()}
 * hides the secrets.
 *
 * @param state the {@code state} sent, compared with the callback's
 * @param nonce the {@code nonce} sent, compared with the ID token's
 * @param codeVerifier the PKCE code verifier
 * @param redirectUri the {@code redirect_uri} sent
 * @param minimumAcr the assurance level required of the sign-in, or {@code null}
 * @param maxAge the {@code max_age} sent, or {@code null}
 */
public record PendingAuthorization(String state, String nonce, String codeVerifier, URI redirectUri,
		@Nullable AssuranceLevel minimumAcr, @Nullable Duration maxAge) implements Serializable {

	/**
	 * Creates an instance; the first four arguments must be non-{@code null}.
	 */
	public PendingAuthorization {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(nonce, "nonce");
		Objects.requireNonNull(codeVerifier, "codeVerifier");
		Objects.requireNonNull(redirectUri, "redirectUri");
	}

	/**
	 * Returns a description without the secrets.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "PendingAuthorization[redirectUri=" + this.redirectUri + ", minimumAcr=" + this.minimumAcr + ", maxAge="
				+ this.maxAge + "]";
	}

}
