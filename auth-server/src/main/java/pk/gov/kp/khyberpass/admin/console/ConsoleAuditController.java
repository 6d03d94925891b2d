package pk.gov.kp.khyberpass.admin.console;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Audit search with filters (time in UTC, type, actor, subject, client) and the chain's
 * integrity.
 */
@Controller
class ConsoleAuditController {

	private final ConsoleApi api;

	ConsoleAuditController(ConsoleApi api) {
		this.api = api;
	}

	@GetMapping("/admin/console/audit")
	String search(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String clientId, @ModelAttribute("admin") ConsoleAdmin admin,
			Model model) {
		if (!admin.readsAudit()) {
			throw new ConsoleApiException(403, "");
		}
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("from", instant(from));
		query.put("to", instant(to));
		query.put("type", type);
		query.put("actor", actor);
		query.put("subject", subject);
		query.put("clientId", clientId);
		query.put("limit", 200);
		model.addAttribute("filters", Map.of("from", text(from), "to", text(to), "type", text(type), "actor",
				text(actor), "subject", text(subject), "clientId", text(clientId)));
		model.addAttribute("entries", this.api.getList("/admin/api/audit", query));
		return "console/audit";
	}

	@GetMapping("/admin/console/audit/verify")
	String verify(@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		if (!admin.readsAudit()) {
			throw new ConsoleApiException(403, "");
		}
		model.addAttribute("integrity", this.api.getObject("/admin/api/audit/verify", Map.of()));
		return "console/integrity";
	}

	/**
	 * A {@code datetime-local} field's value, read as UTC; anything else goes to the API
	 * as typed.
	 */
	private static @Nullable String instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC).toString();
		}
		catch (DateTimeParseException ex) {
			return value.strip();
		}
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
