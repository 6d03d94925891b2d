package pk.gov.kp.khyberpass.cnic;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.keys.MasterKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CNIC look-up benchmark seeds its accounts with SQL (bench/seed-accounts.sql,
 * pgcrypto) and computes blind indexes in its own Java; this pins both to the server's
 * scheme: the value below is what the SQL produces for account 1 under the bench master
 * key.
 */
class BenchBlindIndexTests {

	private static final byte[] BENCH_MASTER_KEY = new byte[32];

	static {
		for (int i = 0; i < 32; i++) {
			BENCH_MASTER_KEY[i] = (byte) i;
		}
	}

	@Test
	void blindIndexWhenBenchMasterKeyThenSameAsTheBenchSeed() {
		CnicProtector protector = new CnicProtector(new MasterKey(BENCH_MASTER_KEY, new SecureRandom()));

		String blindIndex = protector.blindIndex(Cnic.parse("2000000000001"));

		assertThat(blindIndex).isEqualTo("cae4419a33b06dab7da91b11360f331eeef86321b38102bf43c3384a8705d70f");
	}

}
