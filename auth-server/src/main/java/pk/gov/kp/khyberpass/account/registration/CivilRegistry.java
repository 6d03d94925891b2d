package pk.gov.kp.khyberpass.account.registration;

import java.time.LocalDate;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * The port to the civil registry (NADRA): whether a CNIC, a full name and a date of birth
 * belong together. Chosen with {@code khyberpass.registration.civil-registry}:
 * {@code synthetic} (development default, a file of made-up citizens) or {@code http}.
 */
public interface CivilRegistry {

	/**
	 * Whether the registry holds a citizen with exactly this CNIC, name and date of
	 * birth. Names are compared without regard to case or spacing.
	 * @throws RegistryUnavailableException if the registry could not answer; callers must
	 * then refuse
	 */
	boolean confirms(Cnic cnic, String fullName, LocalDate birthDate);

	/** The form names are compared in: NFKC, lower case, single spaces, trimmed. */
	static String normaliseName(String name) {
		return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
			.strip()
			.replaceAll("\\s+", " ")
			.toLowerCase(java.util.Locale.ROOT);
	}

}
