package pk.gov.kp.khyberpass.mfa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

/**
 * Removes every second factor of an account (an administrator's "reset MFA" for a citizen
 * who lost their phone): passkeys, the authenticator app (confirmed or pending), codes by
 * SMS, and all recovery codes. The citizen then signs in with the password alone and
 * enrols again, and is told by SMS (no code in it), so a reset they did not ask for does
 * not go unnoticed. The caller audits.
 */
@Service
public class SecondFactorReset {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorReset.class);

	private final JdbcClient jdbc;

	private final AccountService accounts;

	private final SmsGateway sms;

	private final MessageSource messages;

	SecondFactorReset(JdbcClient jdbc, AccountService accounts, SmsGateway sms, MessageSource messages) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.sms = sms;
		this.messages = messages;
	}

	/** Removes the account's second factors and returns how many were removed. */
	@Transactional
	public int removeAll(AccountId account) {
		int removed = 0;
		for (String table : new String[] { "passkey_credential", "totp_credential", "sms_factor", "recovery_code" }) {
			removed += this.jdbc.sql("DELETE FROM " + table + " WHERE account_id = ?").param(account.value()).update();
		}
		log.info("Removed the {} second factors of account {}", removed, account);
		notify(account);
		return removed;
	}

	private void notify(AccountId account) {
		MobileNumber mobile = this.accounts.findById(account).map((found) -> found.mobile()).orElse(null);
		if (mobile == null) {
			return;
		}
		try {
			this.sms.send(new SmsMessage(mobile.e164(), this.messages.getMessage("sms.notice.reset-by-administrator",
					null, LocaleContextHolder.getLocale())));
		}
		catch (SmsDeliveryException ex) {
			log.warn("Could not send the second-factor reset notice to account {}", account, ex);
		}
	}

}
