package pk.gov.kp.khyberpass.admin.console;

import java.util.List;

/**
 * The signed-in administrator's roles, as the admin API states them, and what the pages
 * may offer them. Hiding a button is a courtesy; the API refuses it anyway.
 */
public record ConsoleAdmin(String accountId, List<String> roles) {

	public boolean securityAdmin() {
		return this.roles.contains("security-admin");
	}

	/**
	 * Clients and keys: read by security admins and auditors, changed by security admins.
	 */
	public boolean readsClientsAndKeys() {
		return securityAdmin() || this.roles.contains("auditor");
	}

	public boolean managesClientsAndKeys() {
		return securityAdmin();
	}

	/** Citizen support: security admins and helpdesk. */
	public boolean supportsCitizens() {
		return securityAdmin() || this.roles.contains("helpdesk");
	}

	public boolean revealsCnic() {
		return securityAdmin();
	}

	/** Who holds which admin role: security admins only. */
	public boolean managesAdmins() {
		return securityAdmin();
	}

	/**
	 * What the consent page says about department API scopes: security admins only, as in
	 * the admin API.
	 */
	public boolean describesScopes() {
		return securityAdmin();
	}

	public boolean readsAudit() {
		return securityAdmin() || this.roles.contains("auditor");
	}

}
