package pk.gov.kp.khyberpass.mfa;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * TOTP codes that no earlier test in this JVM was handed: the server accepts each time
 * step once per account, and integration test classes share one server, so two tests that
 * both take "the current code" of one seeded citizen refuse each other's when they run
 * within the same 90 seconds.
 */
final class FreshTotp {

	private static final Set<String> handedOut = new HashSet<>();

	private FreshTotp() {
	}

	/**
	 * A code for the current step or the next (both inside the server's window, with time
	 * to spare), never handed out before; waits for the next step when both are taken.
	 */
	static synchronized String code(byte[] secret) {
		while (true) {
			long now = Totp.stepAt(Instant.now());
			for (long step : new long[] { now, now + 1 }) {
				if (handedOut.add(Arrays.toString(secret) + "@" + step)) {
					return Totp.code(secret, step);
				}
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
