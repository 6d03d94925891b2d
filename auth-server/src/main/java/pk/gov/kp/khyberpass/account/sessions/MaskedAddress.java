package pk.gov.kp.khyberpass.account.sessions;

/**
 * A client address with its host part hidden, for showing on a page: the first three
 * parts of an IPv4 address ({@code 203.0.113.*}) or the first three groups of an IPv6
 * address ({@code 2001:db8:85a3:*}).
 */
final class MaskedAddress {

	private MaskedAddress() {
	}

	static String of(String address) {
		if (address.indexOf(':') >= 0) {
			String[] groups = address.split(":", -1);
			if (groups.length < 3 || groups[0].isEmpty()) {
				return "*";
			}
			return groups[0] + ":" + groups[1] + ":" + (groups[2].isEmpty() ? "0" : groups[2]) + ":*";
		}
		String[] parts = address.split("\\.");
		if (parts.length != 4) {
			return "*";
		}
		return parts[0] + "." + parts[1] + "." + parts[2] + ".*";
	}

}
