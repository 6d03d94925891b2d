package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KhyberPassPrincipal} survives session serialisation and keeps the ID token out
 * of {@code toString()}.
 */
class KhyberPassPrincipalTests {

	private final KhyberPassPrincipal principal = new KhyberPassPrincipal("citizen-1", "Test Citizen",
			AssuranceLevel.LOA2.value(), List.of("pwd", "otp"), "sso-1", "eyJ.secret.token",
			Map.of("sub", "citizen-1", "amr", List.of("pwd", "otp"), "auth_time", 1_772_000_000L));

	@Test
	void serializeWhenReadBackThenSameValues() throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(this.principal);
		}

		KhyberPassPrincipal read;
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			read = (KhyberPassPrincipal) in.readObject();
		}

		assertThat(read.getName()).isEqualTo("citizen-1");
		assertThat(read.displayName()).contains("Test Citizen");
		assertThat(read.assuranceLevel()).contains(AssuranceLevel.LOA2);
		assertThat(read.amr()).containsExactly("pwd", "otp");
		assertThat(read.sessionId()).contains("sso-1");
		assertThat(read.idToken()).isEqualTo("eyJ.secret.token");
		assertThat(read.claims()).containsEntry("auth_time", 1_772_000_000L);
	}

	@Test
	void toStringWhenCalledThenNoToken() {
		assertThat(this.principal.toString()).doesNotContain("secret").contains("citizen-1");
	}

}
