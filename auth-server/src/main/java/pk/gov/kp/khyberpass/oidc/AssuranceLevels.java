package pk.gov.kp.khyberpass.oidc;

import java.util.List;

/**
 * The Khyber Pass assurance levels ({@code acr} values), weakest first.
 */
public final class AssuranceLevels {

	/** Password. */
	public static final String LOA1 = "urn:kp:loa:1";

	/** Multi-factor. */
	public static final String LOA2 = "urn:kp:loa:2";

	/** Phishing-resistant (passkey). */
	public static final String LOA3 = "urn:kp:loa:3";

	/** All levels, weakest first. */
	public static final List<String> ALL = List.of(LOA1, LOA2, LOA3);

	private AssuranceLevels() {
	}

	/** Whether {@code acr} is one of ours. */
	public static boolean isKnown(String acr) {
		return ALL.contains(acr);
	}

	/** Whether {@code achieved} is at least {@code required}. */
	public static boolean satisfies(String achieved, String required) {
		return ALL.indexOf(achieved) >= ALL.indexOf(required);
	}

}
