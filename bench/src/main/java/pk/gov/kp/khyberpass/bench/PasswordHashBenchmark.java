package pk.gov.kp.khyberpass.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one Argon2id password hash exactly as auth-server's {@code PasswordHasher}
 * computes it (Bouncy Castle, NFKC then UTF-8, 16-byte salt, 32-byte output), at the
 * baseline m=19 MiB, t=2, p=1 and at OWASP's equivalent alternatives:
 * {@code java -jar bench/target/benchmarks.jar PasswordHashBenchmark}. One hash is one
 * sign-in's password check, so its inverse bounds sign-ins per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.AverageTime, Mode.Throughput })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashBenchmark {

	/**
	 * {@code memoryKib/iterations/parallelism} (JMH splits -p values at commas); the
	 * first is Khyber Pass's setting.
	 */
	@Param({ "19456/2/1", "47104/1/1", "12288/3/1" })
	public String cost;

	private Argon2Parameters parameters;

	private byte[] password;

	@Setup
	public void setUp() {
		String[] parts = this.cost.split("/");
		byte[] salt = new byte[16];
		new SecureRandom().nextBytes(salt);
		this.parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withMemoryAsKB(Integer.parseInt(parts[0]))
			.withIterations(Integer.parseInt(parts[1]))
			.withParallelism(Integer.parseInt(parts[2]))
			.withSalt(salt)
			.build();
		this.password = Normalizer.normalize("correct horse battery staple", Normalizer.Form.NFKC)
			.getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public byte[] argon2id() {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(this.parameters);
		byte[] out = new byte[32];
		generator.generateBytes(this.password, out);
		return out;
	}

}
