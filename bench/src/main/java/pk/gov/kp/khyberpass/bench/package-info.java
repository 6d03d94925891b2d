/**
 * Benchmarks: JMH micro-benchmarks of raw signing and the HTTP load generator behind
 * {@code bench/run-load.sh}.
 */
@NullMarked
package pk.gov.kp.khyberpass.bench;

import org.jspecify.annotations.NullMarked;
