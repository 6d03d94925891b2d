package pk.gov.kp.khyberpass.audit;

import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.keys.SigningKeyRotated;
import pk.gov.kp.khyberpass.keys.SigningKeys;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.DepartmentClients;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain in PostgreSQL: real sign-ins are recorded without the CNIC, tampering
 * with rows directly in the database is found at the first broken sequence, and
 * concurrent writers keep one intact chain.
 */
@KhyberPassIntegrationTest
class AuditLogIT {

	static final String CNIC = "17301-1234567-2";

	static final String PASSWORD = "a-long-integration-passphrase";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	MasterKey masterKey;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	DepartmentClients departmentClients;

	@BeforeEach
	void emptyTheLog() {
		this.jdbc.update("DELETE FROM audit_checkpoint");
		this.jdbc.update("DELETE FROM audit_entry");
		this.jdbc.update("UPDATE audit_chain_head SET last_sequence = 0, last_hash = ?", AuditChain.GENESIS);
	}

	@Test
	void signInWhenPasswordRightThenSucceededEntryWithAccountIdAndNoCnic() {
		String accountId = this.accounts.findByCnic(Cnic.parse(CNIC)).orElseThrow().id().value().toString();

		new CitizenAgent(this.issuer).signIn(CNIC, PASSWORD);

		List<AuditEntry> found = this.auditLog.search(null, null, AuditEventType.SIGN_IN_SUCCEEDED, accountId, null,
				null, 10);
		assertThat(found).hasSize(1);
		assertThat(found.get(0).event().subject()).isEqualTo(accountId);
		assertThat(found.get(0).event().details()).containsKey("addressPrefix").containsKey("addressHash");
		assertNoCnicStored();
		assertThat(this.auditLog.verify()).isInstanceOf(AuditVerification.Intact.class);
	}

	@Test
	void signInWhenPasswordWrongThenFailedEntryWithKeyedHashOnly() {
		new CitizenAgent(this.issuer).signIn(CNIC, "not-the-passphrase-at-all");

		String attempted = "username-hash:" + this.masterKey.keyedHash("audit-subject").base64Url(CNIC);
		List<AuditEntry> found = this.auditLog.search(null, null, AuditEventType.SIGN_IN_FAILED, attempted, null, null,
				10);
		assertThat(found).hasSize(1);
		assertThat(found.get(0).event().details()).containsEntry("reason", "BadCredentialsException");
		assertNoCnicStored();
	}

	@Test
	void verifyWhenChainUntouchedThenIntactWithSignedCheckpoint() throws Exception {
		publish(5);
		assertThat(this.auditLog.checkpoint()).contains(5L);
		assertThat(this.auditLog.checkpoint()).isEmpty();
		publish(2);

		assertThat(this.auditLog.verify()).isEqualTo(new AuditVerification.Intact(7, 7, 1));
		StringWriter export = new StringWriter();
		this.auditLog.exportJsonLines(export);
		assertThat(export.toString().lines()).hasSize(8);
		assertThat(export.toString().lines().skip(7).findFirst().orElseThrow()).startsWith("{\"checkpoint\":");
		assertThat(export.toString().lines().findFirst().orElseThrow()).startsWith("{\"sequence\":1,")
			.contains("\"prevHash\":\"" + AuditChain.GENESIS + "\"");
	}

	@Test
	void verifyWhenDetailsEditedThenBrokenAtThatEntry() {
		publish(6);
		this.jdbc.update("UPDATE audit_entry SET details = '{\"n\":\"999\"}' WHERE sequence = 4");

		assertBrokenAt(4);
	}

	@Test
	void verifyWhenEntryDeletedThenBrokenAtTheGap() {
		publish(6);
		this.jdbc.update("DELETE FROM audit_entry WHERE sequence = 3");

		assertBrokenAt(3);
	}

	@Test
	void verifyWhenSequencesSwappedThenBrokenAtTheFirst() {
		publish(6);
		this.jdbc.update("UPDATE audit_entry SET sequence = -1 WHERE sequence = 2");
		this.jdbc.update("UPDATE audit_entry SET sequence = 2 WHERE sequence = 3");
		this.jdbc.update("UPDATE audit_entry SET sequence = 3 WHERE sequence = -1");

		assertBrokenAt(2);
	}

	@Test
	void verifyWhenLastEntriesDeletedThenBrokenAfterTheLastKept() {
		publish(6);
		this.jdbc.update("DELETE FROM audit_entry WHERE sequence > 4");

		assertBrokenAt(5);
	}

	@Test
	void verifyWhenTailRewrittenBehindACheckpointThenBrokenAtTheCheckpoint() {
		publish(4);
		this.auditLog.checkpoint();
		// an attacker who can write the database rewrites entry 4 and the head
		// consistently, but not the checkpoint
		AuditEntry fourth = this.auditLog.search(null, null, null, null, null, null, 1).get(0);
		AuditEvent forged = new AuditEvent(fourth.event().type(), fourth.event().actor(), "forged", null,
				fourth.event().occurredAt(), fourth.event().details());
		String forgedHash = AuditChain.hash(fourth.prevHash(), 4, forged);
		this.jdbc.update(
				"UPDATE audit_entry SET subject = 'forged', client_id = NULL, entry_hash = ? WHERE sequence = 4",
				forgedHash);
		this.jdbc.update("UPDATE audit_chain_head SET last_hash = ?", forgedHash);

		assertBrokenAt(4);
	}

	@Test
	void verifyWhenCheckpointSignatureAlteredThenBrokenAtTheCheckpoint() {
		publish(3);
		this.auditLog.checkpoint();
		String signature = this.jdbc.queryForObject("SELECT signature FROM audit_checkpoint", String.class);
		String altered = signature.substring(0, signature.length() - 4)
				+ (signature.endsWith("AAAA") ? "BBBB" : "AAAA");
		this.jdbc.update("UPDATE audit_checkpoint SET signature = ?", altered);

		assertBrokenAt(3);
	}

	@Test
	void recordWhenEightThreadsWriteAtOnceThenOneIntactChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < 50; i++) {
					this.events.publishEvent(new AuditEvent(AuditEventType.CONSENT_GRANTED, "thread-" + thread,
							"event-" + i, "it-client", Instant.now(), Map.of("n", Integer.toString(i))));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();

		assertThat(this.auditLog.verify()).isEqualTo(new AuditVerification.Intact(400, 400, 0));
	}

	@Test
	void refreshWhenSpentTokenReplayedThenTokenFamilyRevokedEntry() {
		OidcTestClient client = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		Attempt attempt = client.attempt("https://rp.example.test/callback", "openid");
		String code = client.authorize(new CitizenAgent(this.issuer), attempt, CNIC, PASSWORD).get("code");
		RefreshToken original = ((OIDCTokenResponse) client.exchange(code, attempt)).getOIDCTokens().getRefreshToken();
		client.token(new RefreshTokenGrant(original));

		client.token(new RefreshTokenGrant(original));

		List<AuditEntry> revoked = this.auditLog.search(null, null, AuditEventType.TOKEN_FAMILY_REVOKED, null, null,
				null, 10);
		assertThat(revoked).hasSize(1);
		assertThat(revoked.get(0).event().details()).containsEntry("reason", "refresh-token-replayed");
		assertThat(this.jdbc.queryForList("SELECT * FROM audit_entry").toString()).doesNotContain(original.getValue());
		assertThat(this.auditLog.verify()).isInstanceOf(AuditVerification.Intact.class);
	}

	@Test
	void rotateWhenSigningKeysRotateThenRotatedEntryPerAlgorithm() {
		List<SigningKeyRotated> rotations = this.signingKeys.rotate();

		List<AuditEntry> rotated = this.auditLog.search(null, null, AuditEventType.SIGNING_KEY_ROTATED, null, null,
				null, 10);
		assertThat(rotated).extracting((entry) -> entry.event().subject())
			.containsExactlyInAnyOrderElementsOf(rotations.stream().map(SigningKeyRotated::activeKid).toList());
		assertThat(this.auditLog.checkpoint()).isPresent();
		assertThat(this.auditLog.verify()).isInstanceOf(AuditVerification.Intact.class);
	}

	@Test
	void registerWhenDepartmentClientThenClientRegisteredEntry() {
		this.departmentClients.register(new DepartmentClient("it-audit-client", "Audit test", null,
				DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC, Set.of("authorization_code"),
				List.of(URI.create("https://audit.example.test/callback")), List.of(), Set.of("openid"), null, false,
				false, "urn:kp:loa:1", null, null, "RS256", Duration.ofDays(1), List.of()));

		assertThat(
				this.auditLog.search(null, null, AuditEventType.CLIENT_REGISTERED, null, null, "it-audit-client", 10))
			.hasSize(1);
	}

	private void publish(int count) {
		for (int i = 1; i <= count; i++) {
			this.events.publishEvent(new AuditEvent(AuditEventType.CONSENT_GRANTED, "account-" + i, "subject-" + i,
					"it-client", Instant.now(), Map.of("n", Integer.toString(i))));
		}
	}

	private void assertBrokenAt(long sequence) {
		AuditVerification result = this.auditLog.verify();
		assertThat(result).isInstanceOf(AuditVerification.Broken.class);
		assertThat(((AuditVerification.Broken) result).firstBrokenSequence()).as(result.toString()).isEqualTo(sequence);
	}

	private void assertNoCnicStored() {
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT * FROM audit_entry");
		assertThat(rows).isNotEmpty();
		String all = rows.toString();
		assertThat(all).doesNotContain(CNIC).doesNotContain(CNIC.replace("-", ""));
	}

}
