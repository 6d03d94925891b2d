package pk.gov.kp.khyberpass.mfa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.gov.kp.khyberpass.account.AccountId;

/**
 * Removes every second factor of an account (an administrator's "reset MFA" for a citizen who lost their
 * phone): the authenticator app, confirmed or pending, and all recovery codes. The citizen then signs in
 * with the password alone and enrols again.
 */
@Service
public class SecondFactorReset {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorReset.class);

	private final JdbcClient jdbc;

	SecondFactorReset(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Removes the account's second factors and returns how many were removed. */
	@Transactional
	public int removeAll(AccountId account) {
		int totp = this.jdbc.sql("DELETE FROM totp_credential WHERE account_id = ?").param(account.value()).update();
		int codes = this.jdbc.sql("DELETE FROM recovery_code WHERE account_id = ?").param(account.value()).update();
		log.info("Removed the second factors of account {}", account);
		return totp + codes;
	}

}
