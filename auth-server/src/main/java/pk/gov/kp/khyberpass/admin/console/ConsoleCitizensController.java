package pk.gov.kp.khyberpass.admin.console;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Citizen support: search, view (masked), and the support actions, each confirmed with a
 * reason.
 */
@Controller
class ConsoleCitizensController {

	/** The actions, by their path below the citizen: the admin API's path is the same. */
	static final Set<String> ACTIONS = Set.of("lock", "unlock", "password-reset", "mfa-reset", "sign-out");

	private final ConsoleApi api;

	ConsoleCitizensController(ConsoleApi api) {
		this.api = api;
	}

	@GetMapping("/admin/console/citizens")
	String search(@RequestParam(defaultValue = "cnic") String by, @RequestParam(required = false) @Nullable String q,
			@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireSupport(admin);
		String field = Set.of("cnic", "mobile", "name").contains(by) ? by : "cnic";
		model.addAttribute("by", field);
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			model.addAttribute("results", this.api.getList("/admin/api/citizens", Map.of(field, q.strip())));
		}
		return "console/citizens";
	}

	@GetMapping("/admin/console/citizens/{id}")
	String view(@PathVariable String id, @RequestParam(required = false) @Nullable String done,
			@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireSupport(admin);
		model.addAttribute("citizen", this.api.getObject(path(id), Map.of()));
		model.addAttribute("done", (done != null && (ACTIONS.contains(done))) ? done : null);
		return "console/citizen";
	}

	@GetMapping("/admin/console/citizens/{id}/{action}")
	String confirm(@PathVariable String id, @PathVariable String action, @ModelAttribute("admin") ConsoleAdmin admin,
			Model model) {
		return confirmation(id, action, admin).show(model, null);
	}

	@PostMapping("/admin/console/citizens/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action,
			@RequestParam(required = false) @Nullable String reason, @ModelAttribute("admin") ConsoleAdmin admin,
			Model model, HttpServletResponse response) {
		Confirmation confirmation = confirmation(id, action, admin);
		String why = Confirmation.reason(reason);
		if (why == null) {
			response.setStatus(400);
			return confirmation.show(model, "console.reason.error");
		}
		if ("cnic".equals(action)) {
			Map<String, Object> revealed = this.api.post(path(id) + "/cnic", Map.of("reason", why));
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("citizen", this.api.getObject(path(id), Map.of()));
			model.addAttribute("revealedCnic", (revealed != null) ? revealed.get("cnic") : null);
			return "console/citizen";
		}
		this.api.postOnly(path(id) + "/" + action, Map.of("reason", why));
		return "redirect:/admin/console/citizens/" + UriUtils.encodePathSegment(id, "UTF-8") + "?done=" + action;
	}

	private Confirmation confirmation(String id, String action, ConsoleAdmin admin) {
		boolean allowed = "cnic".equals(action) ? admin.revealsCnic()
				: ACTIONS.contains(action) && admin.supportsCitizens();
		if (!allowed) {
			throw new ConsoleApiException("cnic".equals(action) || ACTIONS.contains(action) ? 403 : 404, "");
		}
		Map<String, Object> citizen = this.api.getObject(path(id), Map.of());
		String subject = citizen.get("fullName") + " (" + citizen.get("cnic") + ")";
		return new Confirmation("console.citizen." + action, subject,
				"/admin/console/citizens/" + UriUtils.encodePathSegment(id, "UTF-8") + "/" + action, Map.of());
	}

	private static void requireSupport(ConsoleAdmin admin) {
		if (!admin.supportsCitizens()) {
			throw new ConsoleApiException(403, "");
		}
	}

	private static String path(String id) {
		return "/admin/api/citizens/" + UriUtils.encodePathSegment(id, "UTF-8");
	}

	static List<String> actions() {
		return List.of("lock", "unlock", "password-reset", "mfa-reset", "sign-out");
	}

}
