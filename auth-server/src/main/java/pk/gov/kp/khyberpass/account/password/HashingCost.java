package pk.gov.kp.khyberpass.account.password;

/**
 * Argon2id cost parameters.
 *
 * @param memoryKib memory in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record HashingCost(int memoryKib, int iterations, int parallelism) {

	/** The OWASP and Khyber Pass baseline: m=19 MiB, t=2, p=1. */
	public static final HashingCost BASELINE = new HashingCost(19456, 2, 1);

	public HashingCost {
		if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
			throw new IllegalArgumentException("Argon2 needs m >= 8p, t >= 1 and p >= 1");
		}
	}

	/**
	 * Whether any parameter of this cost is lower than the same parameter of
	 * {@code other}.
	 */
	boolean isBelow(HashingCost other) {
		return this.memoryKib < other.memoryKib || this.iterations < other.iterations
				|| this.parallelism < other.parallelism;
	}

}
