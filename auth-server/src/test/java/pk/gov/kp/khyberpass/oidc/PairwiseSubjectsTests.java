package pk.gov.kp.khyberpass.oidc;

import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import pk.gov.kp.khyberpass.keys.MasterKey;

import static org.assertj.core.api.Assertions.assertThat;

class PairwiseSubjectsTests {

	private static final String ACCOUNT = "0b6f4c1e-6f2a-4a8e-9a51-3d1f6f0c9a10";

	private final PairwiseSubjects subjects = new PairwiseSubjects(masterKey((byte) 1));

	@Test
	void subjectForWhenSameSectorAndAccountThenStable() {
		assertThat(this.subjects.subjectFor(client("mvr-portal", "mvr.kp.gov.pk"), ACCOUNT))
			.isEqualTo(this.subjects.subjectFor(client("mvr-portal", "mvr.kp.gov.pk"), ACCOUNT))
			.matches("[A-Za-z0-9_-]{43}")
			.isNotEqualTo(ACCOUNT);
	}

	@Test
	void subjectForWhenTwoClientsShareSectorThenSameSubject() {
		assertThat(this.subjects.subjectFor(client("mvr-portal", "mvr.kp.gov.pk"), ACCOUNT))
			.isEqualTo(this.subjects.subjectFor(client("mvr-batch", "mvr.kp.gov.pk"), ACCOUNT));
	}

	@Test
	void subjectForWhenOtherSectorThenDiffers() {
		assertThat(this.subjects.subjectFor(client("mvr-portal", "mvr.kp.gov.pk"), ACCOUNT))
			.isNotEqualTo(this.subjects.subjectFor(client("mvr-portal", "health.kp.gov.pk"), ACCOUNT));
	}

	@Test
	void subjectForWhenOtherAccountThenDiffers() {
		RegisteredClient client = client("mvr-portal", "mvr.kp.gov.pk");

		assertThat(this.subjects.subjectFor(client, ACCOUNT))
			.isNotEqualTo(this.subjects.subjectFor(client, "5d3c2b1a-0000-4000-8000-000000000001"));
	}

	@Test
	void subjectForWhenOtherMasterKeyThenDiffers() {
		RegisteredClient client = client("mvr-portal", "mvr.kp.gov.pk");

		assertThat(this.subjects.subjectFor(client, ACCOUNT))
			.isNotEqualTo(new PairwiseSubjects(masterKey((byte) 2)).subjectFor(client, ACCOUNT));
	}

	@Test
	void subjectForWhenNoSectorSettingThenClientIdIsTheSector() {
		RegisteredClient client = client("mvr-portal", null);

		assertThat(this.subjects.subjectFor(client, ACCOUNT)).isEqualTo(this.subjects.pairwise("mvr-portal", ACCOUNT))
			.isNotEqualTo(this.subjects.subjectFor(client("mvr-portal", "mvr.kp.gov.pk"), ACCOUNT));
	}

	@Test
	void pairwiseWhenSectorAndAccountBoundariesShiftThenDiffers() {
		assertThat(this.subjects.pairwise("a", "b\nc")).isEqualTo(this.subjects.pairwise("a", "b\nc"));
		assertThat(this.subjects.pairwise("ab", "c")).isNotEqualTo(this.subjects.pairwise("a", "bc"));
	}

	@Test
	void subjectForWhenPublicSubjectClientThenAccountId() {
		RegisteredClient client = builder("registry")
			.clientSettings(ClientSettings.builder()
				.setting(KhyberPassClientSettings.SECTOR, "registry.kp.gov.pk")
				.setting(KhyberPassClientSettings.PUBLIC_SUBJECT, true)
				.build())
			.build();

		assertThat(this.subjects.subjectFor(client, ACCOUNT)).isEqualTo(ACCOUNT);
	}

	@Test
	void subjectForWhenPublicSubjectFalseThenPairwise() {
		RegisteredClient client = builder("registry")
			.clientSettings(ClientSettings.builder()
				.setting(KhyberPassClientSettings.SECTOR, "registry.kp.gov.pk")
				.setting(KhyberPassClientSettings.PUBLIC_SUBJECT, false)
				.build())
			.build();

		assertThat(this.subjects.subjectFor(client, ACCOUNT))
			.isEqualTo(this.subjects.pairwise("registry.kp.gov.pk", ACCOUNT));
	}

	private static RegisteredClient client(String clientId, String sector) {
		ClientSettings.Builder settings = ClientSettings.builder();
		if (sector != null) {
			settings.setting(KhyberPassClientSettings.SECTOR, sector);
		}
		return builder(clientId).clientSettings(settings.build()).build();
	}

	private static RegisteredClient.Builder builder(String clientId) {
		return RegisteredClient.withId("id-" + clientId)
			.clientId(clientId)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
	}

	private static MasterKey masterKey(byte fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, fill);
		return new MasterKey(key, new SecureRandom());
	}

}
