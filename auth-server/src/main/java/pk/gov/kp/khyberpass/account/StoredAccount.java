package pk.gov.kp.khyberpass.account;

/**
 * An account row with its password hash, which never leaves this package.
 */
record StoredAccount(Account account, String passwordHash) {

	@Override
	public String toString() {
		return this.account.toString();
	}

}
