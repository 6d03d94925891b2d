package pk.gov.kp.khyberpass.mfa;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.keys.KeyedHash;
import pk.gov.kp.khyberpass.keys.MasterKey;

/**
 * Single-use recovery codes: {@value #COUNT} at a time, each 80 random bits written as
 * four groups of four characters (no look-alike letters), stored only as keyed hashes. A
 * new set replaces the old one. Spaces, dashes and letter case do not matter when a code
 * is typed.
 */
@Component
class RecoveryCodes {

	/** How many codes a new set has. */
	static final int COUNT = 10;

	private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

	private static final int GROUPS = 4;

	private static final int GROUP_LENGTH = 4;

	private static final Logger log = LoggerFactory.getLogger(RecoveryCodes.class);

	private final JdbcClient jdbc;

	private final KeyedHash hash;

	private final SecureRandom random;

	private final Clock clock;

	RecoveryCodes(JdbcClient jdbc, MasterKey masterKey, SecureRandom random, Clock clock) {
		this.jdbc = jdbc;
		this.hash = masterKey.keyedHash("recovery-code");
		this.random = random;
		this.clock = clock;
	}

	/**
	 * Replaces the account's recovery codes with {@value #COUNT} new ones.
	 * @return the new codes in clear, to be shown once and never again
	 */
	@Transactional
	List<String> regenerate(AccountId account) {
		List<String> codes = new ArrayList<>(COUNT);
		while (codes.size() < COUNT) {
			String code = newCode();
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		this.jdbc.sql("DELETE FROM recovery_code WHERE account_id = ?").param(account.value()).update();
		add(account, codes);
		log.info("Account {} has a new set of recovery codes", account);
		return List.copyOf(codes);
	}

	/**
	 * Adds codes an operator chose (the seed file), skipping those the account already
	 * has.
	 */
	void add(AccountId account, List<String> codes) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (String code : codes) {
			String hashed = hash(code);
			boolean known = this.jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE account_id = ? AND code_hash = ?")
				.params(account.value(), hashed)
				.query(Long.class)
				.single() > 0;
			if (!known) {
				this.jdbc.sql("INSERT INTO recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)")
					.params(account.value(), hashed, now)
					.update();
			}
		}
	}

	/** How many unused codes the account has left. */
	long remaining(AccountId account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE account_id = ? AND used_at IS NULL")
			.param(account.value())
			.query(Long.class)
			.single();
	}

	/** Uses up a code: true once for each unused code of the account, false otherwise. */
	boolean spend(AccountId account, String code) {
		int spent = this.jdbc
			.sql("UPDATE recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), account.value(), hash(code))
			.update();
		if (spent == 1) {
			log.info("Account {} used a recovery code", account);
		}
		return spent == 1;
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
		for (int group = 0; group < GROUPS; group++) {
			if (group > 0) {
				code.append('-');
			}
			for (int i = 0; i < GROUP_LENGTH; i++) {
				code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
		}
		return code.toString();
	}

	private String hash(String code) {
		return this.hash.base64Url(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
	}

}
