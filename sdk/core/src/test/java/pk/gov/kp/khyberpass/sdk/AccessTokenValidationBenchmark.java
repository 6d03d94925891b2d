package pk.gov.kp.khyberpass.sdk;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Access-token validation per second with a warm JWKS cache, next to raw Nimbus ES256
 * verification of the same token: with the JDK's default provider (the baseline),
 * with Bouncy Castle's provider and a JDK key object, and with Bouncy Castle's provider
 * and a Bouncy Castle key (the strict baseline: same provider, same key form, same
 * precomputation as the SDK). Target: the SDK at 85% or more of the raw rate. Not a test;
 * run with {@code ./mvnw -q -o -pl sdk/core test-compile exec:exec@bench} (JMH options in
 * {@code -Dbench.args="-f 1 -wi 2 -i 3 -r 2s"}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccessTokenValidationBenchmark {

	private TestOpenIdProvider provider;

	private KhyberPassClient client;

	private String token;

	private ECDSAVerifier rawVerifier;

	private ECDSAVerifier rawVerifierJdk;

	private ECDSAVerifier rawVerifierBcKey;

	private SignedJWT parsed;

	@Setup(Level.Trial)
	public void setUp() throws JOSEException, ParseException, GeneralSecurityException {
		this.provider = TestOpenIdProvider.start();
		this.client = this.provider.client().build();
		this.token = this.provider.accessToken().sign();
		this.client.verifyAccessToken(this.token);
		this.rawVerifierJdk = new ECDSAVerifier(this.provider.ecKey().toECPublicKey());
		this.rawVerifier = new ECDSAVerifier(this.provider.ecKey().toECPublicKey());
		this.rawVerifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
		this.rawVerifierBcKey = new ECDSAVerifier(
				(ECPublicKey) KeyFactory.getInstance("EC", BouncyCastleProviderSingleton.getInstance())
					.generatePublic(new X509EncodedKeySpec(this.provider.ecKey().toECPublicKey().getEncoded())));
		this.rawVerifierBcKey.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
		this.parsed = SignedJWT.parse(this.token);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.client.close();
		this.provider.close();
	}

	/**
	 * The SDK: parse, header checks, cached key and verifier, signature, all claim
	 * checks.
	 */
	@Benchmark
	public VerifiedAccessToken sdkVerifyAccessToken() {
		return this.client.verifyAccessToken(this.token);
	}

	/**
	 * Raw Nimbus as it comes: parse the compact JWS and verify its ES256 signature with
	 * the JDK's default provider (SunEC), no claim checks.
	 */
	@Benchmark
	public boolean nimbusParseAndVerifyJdk() throws ParseException, JOSEException {
		return SignedJWT.parse(this.token).verify(this.rawVerifierJdk);
	}

	/**
	 * Raw Nimbus with Bouncy Castle's provider and the JDK key object Nimbus makes from
	 * the JWK (converted to a Bouncy Castle key on every verification): parse and verify,
	 * no claim checks.
	 */
	@Benchmark
	public boolean nimbusParseAndVerify() throws ParseException, JOSEException {
		return SignedJWT.parse(this.token).verify(this.rawVerifier);
	}

	/**
	 * Raw Nimbus with the key the SDK caches (converted once to a Bouncy Castle key,
	 * which keeps its point precomputation): parse and verify, no claim checks. The fair
	 * baseline for the SDK's own overhead.
	 */
	@Benchmark
	public boolean nimbusParseAndVerifyBcKey() throws ParseException, JOSEException {
		return SignedJWT.parse(this.token).verify(this.rawVerifierBcKey);
	}

	/** Raw Nimbus: verify the signature of an already parsed token. */
	@Benchmark
	public boolean nimbusVerifyParsed() throws JOSEException {
		return this.parsed.verify(this.rawVerifier);
	}

	/**
	 * Runs the JMH benchmarks, or with {@code ab} (optionally followed by the number of
	 * rounds, 21 by default) an interleaved A/B comparison (200 ms slices, alternating,
	 * median of the ratios), which stays meaningful on a machine shared with other work,
	 * where separate JMH forks see different load.
	 */
	public static void main(String[] args) throws Exception {
		if (args.length >= 1 && "ab".equals(args[0])) {
			interleaved((args.length > 1) ? Integer.parseInt(args[1]) : 21);
			return;
		}
		Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(AccessTokenValidationBenchmark.class.getSimpleName())
			.build()).run();
		double sdk = score(results, "sdkVerifyAccessToken");
		double jdk = score(results, "nimbusParseAndVerifyJdk");
		double parseAndVerify = score(results, "nimbusParseAndVerify");
		double parseAndVerifyBcKey = score(results, "nimbusParseAndVerifyBcKey");
		double verifyParsed = score(results, "nimbusVerifyParsed");
		System.out.printf("%nSDK %.0f ops/s%n", sdk);
		System.out.printf("raw Nimbus parse+verify, JDK provider:       %.0f ops/s (SDK at %.1f%%)%n", jdk,
				100 * sdk / jdk);
		System.out.printf("raw Nimbus parse+verify, BC, JWK-derived key: %.0f ops/s (SDK at %.1f%%)%n", parseAndVerify,
				100 * sdk / parseAndVerify);
		System.out.printf("raw Nimbus verify of a parsed token, BC:      %.0f ops/s (SDK at %.1f%%)%n", verifyParsed,
				100 * sdk / verifyParsed);
		System.out.printf("raw Nimbus parse+verify, same BC key as SDK:  %.0f ops/s (SDK at %.1f%%)%n",
				parseAndVerifyBcKey, 100 * sdk / parseAndVerifyBcKey);
	}

	private static void interleaved(int rounds) throws Exception {
		AccessTokenValidationBenchmark bench = new AccessTokenValidationBenchmark();
		bench.setUp();
		try {
			for (int warm = 0; warm < 5; warm++) {
				rate(bench::sdkVerifyAccessToken);
				rate(bench::nimbusParseAndVerifyJdk);
				rate(bench::nimbusParseAndVerify);
				rate(bench::nimbusParseAndVerifyBcKey);
			}
			double[] vsJdk = new double[rounds];
			double[] vsJwkKey = new double[rounds];
			double[] vsBcKey = new double[rounds];
			double sdkTotal = 0;
			for (int round = 0; round < rounds; round++) {
				// Odd rounds run in reverse order, so neither side always follows the
				// other.
				boolean reverse = (round % 2) == 1;
				double rawBc = reverse ? rate(bench::nimbusParseAndVerifyBcKey) : Double.NaN;
				double sdk = rate(bench::sdkVerifyAccessToken);
				double jdk = rate(bench::nimbusParseAndVerifyJdk);
				double raw = rate(bench::nimbusParseAndVerify);
				if (!reverse) {
					rawBc = rate(bench::nimbusParseAndVerifyBcKey);
				}
				vsJdk[round] = sdk / jdk;
				vsJwkKey[round] = sdk / raw;
				vsBcKey[round] = sdk / rawBc;
				sdkTotal += sdk;
			}
			java.util.Arrays.sort(vsJdk);
			java.util.Arrays.sort(vsJwkKey);
			java.util.Arrays.sort(vsBcKey);
			System.out.printf(
					"Interleaved A/B, %d rounds: SDK mean %.0f ops/s; median SDK/raw (JDK provider) %.1f%%; "
							+ "median SDK/raw (BC, JWK-derived key) %.1f%%; median SDK/raw (same BC key) %.1f%% "
							+ "(lowest %.1f%%, highest %.1f%%)%n",
					rounds, sdkTotal / rounds, 100 * vsJdk[rounds / 2], 100 * vsJwkKey[rounds / 2],
					100 * vsBcKey[rounds / 2], 100 * vsBcKey[0], 100 * vsBcKey[rounds - 1]);
		}
		finally {
			bench.tearDown();
		}
	}

	private static double rate(Callable<Object> operation) throws Exception {
		long end = System.nanoTime() + 200_000_000L;
		long start = System.nanoTime();
		long count = 0;
		Object sink = null;
		while (System.nanoTime() < end) {
			sink = operation.call();
			count++;
		}
		if (sink == null) {
			throw new IllegalStateException();
		}
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private static double score(Collection<RunResult> results, String method) {
		return results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + method))
			.mapToDouble((result) -> result.getPrimaryResult().getScore())
			.findFirst()
			.orElse(Double.NaN);
	}

}
