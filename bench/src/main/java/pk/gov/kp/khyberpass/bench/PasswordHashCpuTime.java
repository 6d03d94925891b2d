package pk.gov.kp.khyberpass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time (not the wall time) of one Argon2id hash at auth-server's parameters, from
 * the thread's own CPU clock: on a shared machine, where the wall time of
 * {@link PasswordHashBenchmark} depends on what else runs, this is the figure that says
 * what a hash costs a core. {@code java -cp bench/target/benchmarks.jar
 * pk.gov.kp.khyberpass.bench.PasswordHashCpuTime [HASHES]}; prints one {@code RESULT}
 * line.
 */
public final class PasswordHashCpuTime {

	private PasswordHashCpuTime() {
	}

	public static void main(String[] args) {
		int hashes = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		PasswordHashBenchmark benchmark = new PasswordHashBenchmark();
		benchmark.cost = "19456/2/1";
		benchmark.setUp();
		for (int i = 0; i < 20; i++) {
			benchmark.argon2id();
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long wallStart = System.nanoTime();
		for (int i = 0; i < hashes; i++) {
			benchmark.argon2id();
		}
		double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / hashes;
		double wallMs = (System.nanoTime() - wallStart) / 1e6 / hashes;
		System.out.println(String.format(Locale.ROOT, "RESULT scenario=argon2id-cpu hashes=%d cpu_ms=%.2f wall_ms=%.2f",
				hashes, cpuMs, wallMs));
	}

}
