package pk.gov.kp.khyberpass.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import pk.gov.kp.khyberpass.keys.SigningKeyRotated;
import pk.gov.kp.khyberpass.keys.SigningKeys;
import pk.gov.kp.khyberpass.sdk.audit.AuditExportVerification;
import pk.gov.kp.khyberpass.sdk.audit.AuditExportVerifier;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's JSON-lines export checked by the SDK's offline verifier, which pins only
 * the internal authority's certificate: intact exports pass, including checkpoints signed
 * by a key retired since, and every kind of tampering with the exported file is named at
 * its first broken entry.
 */
@KhyberPassIntegrationTest
class AuditExportOfflineIT {

	@TempDir
	Path directory;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SigningKeys signingKeys;

	@BeforeEach
	void emptyTheLog() {
		this.jdbc.update("DELETE FROM audit_checkpoint");
		this.jdbc.update("DELETE FROM audit_entry");
		this.jdbc.update("UPDATE audit_chain_head SET last_sequence = 0, last_hash = ?", AuditChain.GENESIS);
	}

	@Test
	void verifyWhenExportUntouchedThenIntactWithEveryCheckpoint() throws IOException {
		publish(4);
		this.auditLog.checkpoint();
		publish(3);
		this.auditLog.checkpoint();

		assertThat(verifyOffline(export())).isEqualTo(new AuditExportVerification.Intact(7, 2));
	}

	@Test
	void verifyWhenCheckpointKeyRetiredSinceThenServerAndOfflineStillCheckItsSignature() throws IOException {
		publish(3);
		this.auditLog.checkpoint();
		List<SigningKeyRotated> rotations = this.signingKeys.rotate();
		for (SigningKeyRotated rotation : rotations) {
			assertThat(this.signingKeys.retire(rotation.retiringKid())).isPresent();
		}
		publish(2);

		assertThat(this.auditLog.verify()).isInstanceOf(AuditVerification.Intact.class)
			.extracting((result) -> ((AuditVerification.Intact) result).checkpoints())
			.isEqualTo(1);
		assertThat(verifyOffline(export())).isInstanceOf(AuditExportVerification.Intact.class)
			.extracting((result) -> ((AuditExportVerification.Intact) result).checkpoints())
			.isEqualTo(1);
	}

	@Test
	void verifyWhenEntryEditedInExportThenBrokenAtThatEntry() throws IOException {
		publish(5);
		this.auditLog.checkpoint();
		List<String> lines = lines(export());
		lines.set(2, lines.get(2).replace("\"n\":\"3\"", "\"n\":\"300\""));

		assertBrokenAt(verifyOffline(write(lines)), 3);
	}

	@Test
	void verifyWhenEntryDeletedFromExportThenBrokenAtTheGap() throws IOException {
		publish(5);
		List<String> lines = lines(export());
		lines.remove(1);

		assertBrokenAt(verifyOffline(write(lines)), 2);
	}

	@Test
	void verifyWhenEntriesReorderedInExportThenBrokenAtTheFirst() throws IOException {
		publish(5);
		List<String> lines = lines(export());
		Collections.swap(lines, 2, 3);

		assertBrokenAt(verifyOffline(write(lines)), 3);
	}

	@Test
	void verifyWhenTailCutBehindACheckpointThenBrokenAfterTheLastKept() throws IOException {
		publish(6);
		this.auditLog.checkpoint();
		List<String> lines = lines(export());
		lines.remove(5);
		lines.remove(4);

		assertBrokenAt(verifyOffline(write(lines)), 5);
	}

	@Test
	void verifyWhenChainRewrittenWithCheckpointResignedByAnotherAuthorityThenRefused() throws Exception {
		publish(3);
		this.auditLog.checkpoint();
		Path export = export();
		// an authority the verifier does not pin: the export's own chain proves nothing
		// then
		X509Certificate other = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
			.generateCertificate(new java.io.ByteArrayInputStream(leafOf(export)));

		AuditExportVerification result = AuditExportVerifier.trusting(other).verify(export);

		assertBrokenAt(result, 3);
		assertThat(((AuditExportVerification.Broken) result).reason()).contains("pinned authority");
	}

	@Test
	void commandLineWhenIntactThenExitZeroAndWhenEditedThenExitOne() throws Exception {
		publish(2);
		this.auditLog.checkpoint();
		Path authority = this.directory.resolve("authority.der");
		Files.write(authority, this.signingKeys.authorityCertificate().getEncoded());
		Path export = export();
		List<String> edited = lines(export);
		edited.set(0, edited.get(0).replace("account-1", "account-9"));

		assertThat(runCommandLine(export, authority)).isEqualTo(0);
		assertThat(runCommandLine(write(edited), authority)).isEqualTo(1);
	}

	private int runCommandLine(Path export, Path authority) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), AuditExportVerifier.class.getName(), export.toString(),
				authority.toString())
			.redirectErrorStream(true)
			.start();
		process.getInputStream().transferTo(System.out);
		return process.waitFor();
	}

	private AuditExportVerification verifyOffline(Path export) throws IOException {
		return AuditExportVerifier.trusting(this.signingKeys.authorityCertificate()).verify(export);
	}

	private Path export() throws IOException {
		Path file = Files.createTempFile(this.directory, "audit", ".jsonl");
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			this.auditLog.exportJsonLines(writer);
		}
		return file;
	}

	private Path write(List<String> lines) throws IOException {
		return Files.write(Files.createTempFile(this.directory, "tampered", ".jsonl"), lines, StandardCharsets.UTF_8);
	}

	private static List<String> lines(Path file) throws IOException {
		return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
	}

	private static byte[] leafOf(Path export) throws IOException {
		String checkpoint = lines(export).stream()
			.filter((line) -> line.startsWith("{\"checkpoint\""))
			.findFirst()
			.orElseThrow();
		String x5c = checkpoint.substring(checkpoint.indexOf("\"x5c\":[\"") + 8);
		return Base64.getDecoder().decode(x5c.substring(0, x5c.indexOf('"')));
	}

	private void publish(int count) {
		for (int i = 1; i <= count; i++) {
			this.events.publishEvent(new AuditEvent(AuditEventType.CONSENT_GRANTED, "account-" + i, "subject-" + i,
					"it-client", Instant.now(), Map.of("n", Integer.toString(i))));
		}
	}

	private static void assertBrokenAt(AuditExportVerification result, long sequence) {
		assertThat(result).as(result.toString()).isInstanceOf(AuditExportVerification.Broken.class);
		assertThat(((AuditExportVerification.Broken) result).firstBrokenSequence()).as(result.toString())
			.isEqualTo(sequence);
	}

}
