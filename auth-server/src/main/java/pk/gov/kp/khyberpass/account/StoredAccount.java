package pk.gov.kp.khyberpass.account;

/**
 * An account row with its password hash, which never leaves this package.
 *
 * @param passwordResetRequired whether an administrator forced a password reset: the password no longer
 * signs in
 */
record StoredAccount(Account account, String passwordHash, boolean passwordResetRequired) {

	@Override
	public String toString() {
		return this.account.toString();
	}

}
