package pk.gov.kp.khyberpass.admin;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.audit.AuditVerification;

/**
 * The audit log: search, export as JSON lines, verify the chain.
 */
@RestController
@RequestMapping("/admin/api/audit")
final class AuditController {

	private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

	private final AuditLog auditLog;

	private final AdminAudit audit;

	AuditController(AuditLog auditLog, AdminAudit audit) {
		this.auditLog = auditLog;
		this.audit = audit;
	}

	@GetMapping
	List<AuditEntryView> search(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String clientId, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > AuditLog.MAX_RESULTS) {
			throw new InvalidFieldException("limit", "limit must be between 1 and " + AuditLog.MAX_RESULTS);
		}
		return this.auditLog
			.search(instant("from", from), instant("to", to), type(type), text("actor", actor),
					text("subject", subject), text("clientId", clientId), limit)
			.stream()
			.map(AuditEntryView::of)
			.toList();
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt admin) {
		this.audit.record(AuditEventType.AUDIT_EXPORTED, admin, "audit-log", null, null, Map.of());
		StreamingResponseBody body = (out) -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			this.auditLog.exportJsonLines(writer);
		};
		return ResponseEntity.ok()
			.contentType(JSON_LINES)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"khyberpass-audit.jsonl\"")
			.body(body);
	}

	@GetMapping("/verify")
	Map<String, Object> verify() {
		Map<String, Object> result = new LinkedHashMap<>();
		AuditVerification verification = this.auditLog.verify();
		if (verification instanceof AuditVerification.Intact intact) {
			result.put("intact", true);
			result.put("entries", intact.entries());
			result.put("lastSequence", intact.lastSequence());
			result.put("checkpoints", intact.checkpoints());
		}
		else if (verification instanceof AuditVerification.Broken broken) {
			result.put("intact", false);
			result.put("firstBrokenSequence", broken.firstBrokenSequence());
			result.put("reason", broken.reason());
		}
		return result;
	}

	private static @Nullable Instant instant(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field, field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
		}
	}

	private static @Nullable AuditEventType type(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return AuditEventType.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("type", "type must be an audit event type such as SIGN_IN_FAILED");
		}
	}

	private static @Nullable String text(String field, @Nullable String value) {
		if (value != null && (value.isEmpty() || value.length() > 200)) {
			throw new InvalidFieldException(field, field + " must have 1 to 200 characters");
		}
		return value;
	}

	/** One audit entry as the API shows it. */
	record AuditEntryView(long sequence, Instant occurredAt, String type, String actor, String subject,
			@Nullable String clientId, Map<String, String> details, String entryHash) {

		static AuditEntryView of(AuditEntry entry) {
			return new AuditEntryView(entry.sequence(), entry.event().occurredAt(), entry.event().type().name(),
					entry.event().actor(), entry.event().subject(), entry.event().clientId(), entry.event().details(),
					entry.entryHash());
		}

	}

}
