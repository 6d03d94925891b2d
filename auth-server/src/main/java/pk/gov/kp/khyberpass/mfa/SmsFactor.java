package pk.gov.kp.khyberpass.mfa;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.keys.KeyedHash;
import pk.gov.kp.khyberpass.keys.MasterKey;

/**
 * Whether a citizen has confirmed the account's mobile number as a second factor. The
 * factor holds only while the account still has the number that was confirmed (kept as a
 * keyed hash): a number changed since then must be confirmed again before codes go to it.
 */
@Component
class SmsFactor {

	private final JdbcClient jdbc;

	private final AccountService accounts;

	private final KeyedHash mobileHash;

	private final Clock clock;

	SmsFactor(JdbcClient jdbc, AccountService accounts, MasterKey masterKey, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mobileHash = masterKey.keyedHash("sms-factor-mobile");
		this.clock = clock;
	}

	/** The account's mobile number, if any (confirmed as a factor or not). */
	Optional<MobileNumber> registeredMobile(AccountId account) {
		return this.accounts.findById(account).map((found) -> found.mobile());
	}

	/**
	 * The number codes go to, when the citizen confirmed it as a second factor and it is
	 * still theirs.
	 */
	Optional<MobileNumber> confirmedMobile(AccountId account) {
		Optional<String> confirmed = this.jdbc.sql("SELECT mobile_hash FROM sms_factor WHERE account_id = ?")
			.param(account.value())
			.query(String.class)
			.optional();
		if (confirmed.isEmpty()) {
			return Optional.empty();
		}
		return registeredMobile(account).filter((mobile) -> hash(mobile).equals(confirmed.get()));
	}

	boolean enrolled(AccountId account) {
		return confirmedMobile(account).isPresent();
	}

	/**
	 * Records that a code sent to {@code mobile} came back: the number is now a second
	 * factor.
	 */
	@Transactional
	void enrol(AccountId account, MobileNumber mobile) {
		this.jdbc.sql("DELETE FROM sms_factor WHERE account_id = ?").param(account.value()).update();
		this.jdbc.sql("INSERT INTO sms_factor (account_id, mobile_hash, confirmed_at) VALUES (?, ?, ?)")
			.params(account.value(), hash(mobile), Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * @return whether there was a factor to remove
	 */
	boolean remove(AccountId account) {
		return this.jdbc.sql("DELETE FROM sms_factor WHERE account_id = ?").param(account.value()).update() > 0;
	}

	private String hash(MobileNumber mobile) {
		return this.mobileHash.base64Url(mobile.e164());
	}

}
