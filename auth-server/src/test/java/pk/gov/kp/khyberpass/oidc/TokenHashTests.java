package pk.gov.kp.khyberpass.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHashTests {

	@Test
	void ofWhenTokenValueThenPrefixedUnpaddedBase64UrlSha256() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest("token-value".getBytes(StandardCharsets.UTF_8));

		String hash = TokenHash.of("token-value");

		assertThat(hash).isEqualTo("sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
			.matches("sha256:[A-Za-z0-9_-]{43}");
	}

	@Test
	void ofWhenSameValueTwiceThenSameHash() {
		assertThat(TokenHash.of("a-token")).isEqualTo(TokenHash.of("a-token"));
	}

	@Test
	void ofWhenDifferentValuesThenDifferentHashes() {
		assertThat(TokenHash.of("a-token")).isNotEqualTo(TokenHash.of("b-token"));
	}

	@Test
	void ofWhenAlreadyHashThenReturnsItUnchanged() {
		String hash = TokenHash.of("a-token");

		assertThat(TokenHash.of(hash)).isSameAs(hash);
	}

	@Test
	void ofWhenHashedThenDoesNotContainValue() {
		assertThat(TokenHash.of("eyJhbGciOiJSUzI1NiJ9.secret")).doesNotContain("secret");
	}

	@Test
	void isHashWhenPrefixedThenTrue() {
		assertThat(TokenHash.isHash(TokenHash.of("x"))).isTrue();
		assertThat(TokenHash.isHash("sha256:anything")).isTrue();
	}

	@Test
	void isHashWhenClearValueThenFalse() {
		assertThat(TokenHash.isHash("eyJhbGciOiJSUzI1NiJ9")).isFalse();
		assertThat(TokenHash.isHash("")).isFalse();
		assertThat(TokenHash.isHash("SHA256:upper")).isFalse();
	}

}
