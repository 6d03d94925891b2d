package pk.gov.kp.khyberpass.keys;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedHashTests {

	// RFC 4231, test case 2
	private final KeyedHash hash = new KeyedHash(
			new SecretKeySpec("Jefe".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));

	@Test
	void hexIsHmacSha256OfUtf8() {
		assertThat(this.hash.hex("what do ya want for nothing?"))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void eachCallStartsFromTheKeyAlone() {
		String first = this.hash.base64Url("a");
		this.hash.of("something else".getBytes(StandardCharsets.UTF_8));
		assertThat(this.hash.base64Url("a")).isEqualTo(first).hasSize(43);
	}

	@Test
	void concurrentCallsGiveTheSameMacs() throws Exception {
		String expected = this.hash.hex("what do ya want for nothing?");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> calls = IntStream.range(0, 2000)
				.<Callable<String>>mapToObj((i) -> () -> this.hash.hex("what do ya want for nothing?"))
				.toList();
			for (Future<String> result : pool.invokeAll(calls)) {
				assertThat(result.get()).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
