package pk.gov.kp.khyberpass.admin;

import java.util.Optional;

/**
 * The roles of the security team. What each may do is decided by the admin API's filter
 * chain ({@link AdminApiSecurityConfiguration}) and described in
 * {@code docs/security-model.md}.
 */
public enum AdminRole {

	/**
	 * Everything: clients, keys, citizens (including the clear CNIC, with a reason),
	 * audit, roles.
	 */
	SECURITY_ADMIN("security-admin"),

	/**
	 * Citizen support: search, view (masked), lock, unlock, force a password reset, reset
	 * MFA, sign out.
	 */
	HELPDESK("helpdesk"),

	/**
	 * Read-only: the audit log (search, export, verify) and the lists of clients and
	 * keys.
	 */
	AUDITOR("auditor");

	private final String value;

	AdminRole(String value) {
		this.value = value;
	}

	/** The name stored and shown, {@code security-admin}. */
	public String value() {
		return this.value;
	}

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ADMIN_" + name();
	}

	/** The role named {@code value}, if any. */
	public static Optional<AdminRole> of(String value) {
		for (AdminRole role : values()) {
			if (role.value.equals(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
