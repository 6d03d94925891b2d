package pk.gov.kp.khyberpass.mfa.passkey;

import java.net.URI;

import com.webauthn4j.data.client.Origin;

/**
 * Who the passkeys belong to: the relying party id is the issuer's host and the only
 * accepted origin is the issuer's origin, so a passkey made for Khyber Pass answers no
 * other site (phishing resistance).
 *
 * @param id the WebAuthn RP ID (a host name, never an IP address)
 * @param origin the issuer's origin ({@code scheme://host[:port]})
 * @param name the name browsers show
 */
record RelyingParty(String id, Origin origin, String name) {

	static RelyingParty of(URI issuer) {
		String port = (issuer.getPort() == -1) ? "" : ":" + issuer.getPort();
		return new RelyingParty(issuer.getHost(), new Origin(issuer.getScheme() + "://" + issuer.getHost() + port),
				"Khyber Pass");
	}

}
