package pk.gov.kp.khyberpass.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Account look-up by CNIC in a table of synthetic accounts (bench/seed-accounts.sql): the
 * CNIC's keyed blind index computed as auth-server computes it (HMAC-SHA-256 under the
 * key HKDF-derived from the master key for {@code cnic-blind-index}), then auth-server's
 * own query, {@code SELECT <columns> FROM accounts WHERE
 * cnic_blind_index = ?}, timed from the HMAC to the last column read, on one connection.
 * One look-up in ten is for a CNIC that has no account, as a mistyped number would be.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar pk.gov.kp.khyberpass.bench.CnicLookupBenchmark JDBC_URL USER
 * MASTER_KEY_HEX ACCOUNTS WARMUP LOOKUPS [NICENESS]}; prints one {@code RESULT} line.
 * With NICENESS (for example -15, as root), the benchmark and its PostgreSQL backend run
 * at that priority.
 */
public final class CnicLookupBenchmark {

	static final String QUERY = "SELECT id, cnic_ciphertext, full_name, birth_date, mobile_e164, email, "
			+ "password_hash, status, created_at, updated_at, password_changed_at FROM accounts WHERE cnic_blind_index = ?";

	private CnicLookupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args[1];
		byte[] masterKey = HexFormat.of().parseHex(args[2]);
		int accounts = Integer.parseInt(args[3]);
		int warmup = Integer.parseInt(args[4]);
		int lookups = Integer.parseInt(args[5]);
		String renice = (args.length > 6) ? args[6] : null;
		Mac blindIndex = Mac.getInstance("HmacSHA256");
		blindIndex.init(new SecretKeySpec(derive(masterKey, "cnic-blind-index"), "HmacSHA256"));
		SplittableRandom random = new SplittableRandom(42);
		long[] nanos = new long[lookups];
		int found = 0;
		try (Connection connection = DriverManager.getConnection(url, user, System.getenv("PGPASSWORD"));
				PreparedStatement query = connection.prepareStatement(QUERY)) {
			if (renice != null) {
				renice(connection, renice);
			}
			for (int i = -warmup; i < lookups; i++) {
				boolean exists = random.nextInt(10) != 0;
				long n = exists ? 1 + random.nextInt(accounts) : accounts + 1 + random.nextInt(accounts);
				long start = System.nanoTime();
				String digits = SyntheticCnics.digits(n);
				query.setString(1,
						HexFormat.of().formatHex(blindIndex.doFinal(digits.getBytes(StandardCharsets.UTF_8))));
				boolean hit = read(query);
				long elapsed = System.nanoTime() - start;
				if (hit != exists) {
					throw new IllegalStateException("account " + n + " expected " + (exists ? "present" : "absent"));
				}
				if (i >= 0) {
					nanos[i] = elapsed;
					found += hit ? 1 : 0;
				}
			}
		}
		Arrays.sort(nanos);
		System.out.println(String.format(Locale.ROOT,
				"RESULT scenario=cnic-lookup accounts=%d lookups=%d found=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f "
						+ "p999_ms=%.3f max_ms=%.3f",
				accounts, lookups, found, percentile(nanos, 0.5), percentile(nanos, 0.9), percentile(nanos, 0.99),
				percentile(nanos, 0.999), percentile(nanos, 1.0)));
	}

	/**
	 * Raises (as root) this process and its PostgreSQL backend to nice value
	 * {@code niceness}: on a shared machine this approximates a client and a database
	 * that have their cores to themselves.
	 */
	private static void renice(Connection connection, String niceness) throws Exception {
		long backend;
		try (PreparedStatement pid = connection.prepareStatement("SELECT pg_backend_pid()");
				ResultSet row = pid.executeQuery()) {
			row.next();
			backend = row.getLong(1);
		}
		Process process = new ProcessBuilder("renice", "-n", niceness, "-p", Long.toString(backend),
				Long.toString(ProcessHandle.current().pid()))
			.inheritIO()
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("renice failed (it needs root)");
		}
	}

	private static boolean read(PreparedStatement query) throws SQLException {
		try (ResultSet rows = query.executeQuery()) {
			if (!rows.next()) {
				return false;
			}
			for (int column = 1; column <= 11; column++) {
				rows.getObject(column);
			}
			return true;
		}
	}

	/**
	 * auth-server's {@code MasterKey.derive}: HKDF-SHA-256 (RFC 5869) with the purpose as
	 * info.
	 */
	static byte[] derive(byte[] masterKey, String purpose) throws GeneralSecurityException {
		byte[] prk = hmac("khyberpass-master-key".getBytes(StandardCharsets.UTF_8), masterKey);
		byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
		return hmac(prk, ByteBuffer.allocate(info.length + 1).put(info).put((byte) 1).array());
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	private static double percentile(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

	/** The synthetic CNICs of bench/seed-accounts.sql, by account number. */
	static final class SyntheticCnics {

		private SyntheticCnics() {
		}

		/**
		 * Account {@code n}: province digit 1 to 7, then {@code n} in 12 digits (13
		 * digits, unique per n).
		 */
		static String digits(long n) {
			return (1 + n % 7) + String.format(Locale.ROOT, "%012d", n);
		}

	}

}
