package pk.gov.kp.khyberpass.admin.console;

import java.util.Map;

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
 * Signing keys: the list with each key's state; rotate now and retire, each confirmed
 * with a reason.
 */
@Controller
class ConsoleKeysController {

	private final ConsoleApi api;

	ConsoleKeysController(ConsoleApi api) {
		this.api = api;
	}

	@GetMapping("/admin/console/keys")
	String list(@RequestParam(required = false) @Nullable String done, @ModelAttribute("admin") ConsoleAdmin admin,
			Model model) {
		if (!admin.readsClientsAndKeys()) {
			throw new ConsoleApiException(403, "");
		}
		model.addAttribute("keys", this.api.getList("/admin/api/keys", Map.of()));
		model.addAttribute("done", ("rotate".equals(done) || "retire".equals(done)) ? done : null);
		return "console/keys";
	}

	@GetMapping("/admin/console/keys/rotate")
	String confirmRotation(@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		return rotation(admin).show(model, null);
	}

	@PostMapping("/admin/console/keys/rotate")
	String rotate(@RequestParam(required = false) @Nullable String reason, @ModelAttribute("admin") ConsoleAdmin admin,
			HttpServletResponse response, Model model) {
		String why = Confirmation.reason(reason);
		if (why == null) {
			response.setStatus(400);
			return rotation(admin).show(model, "console.reason.error");
		}
		this.api.postOnly("/admin/api/keys/rotate", Map.of("reason", why));
		return "redirect:/admin/console/keys?done=rotate";
	}

	@GetMapping("/admin/console/keys/{kid}/retire")
	String confirmRetirement(@PathVariable String kid, @ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		return retirement(kid, admin).show(model, null);
	}

	@PostMapping("/admin/console/keys/{kid}/retire")
	String retire(@PathVariable String kid, @RequestParam(required = false) @Nullable String reason,
			@ModelAttribute("admin") ConsoleAdmin admin, HttpServletResponse response, Model model) {
		String why = Confirmation.reason(reason);
		if (why == null) {
			response.setStatus(400);
			return retirement(kid, admin).show(model, "console.reason.error");
		}
		this.api.postOnly("/admin/api/keys/" + UriUtils.encodePathSegment(kid, "UTF-8") + "/retire",
				Map.of("reason", why));
		return "redirect:/admin/console/keys?done=retire";
	}

	private static Confirmation rotation(ConsoleAdmin admin) {
		requireManager(admin);
		return new Confirmation("console.keys.rotate", "ES256, RS256", "/admin/console/keys/rotate", Map.of());
	}

	private static Confirmation retirement(String kid, ConsoleAdmin admin) {
		requireManager(admin);
		return new Confirmation("console.keys.retire", kid,
				"/admin/console/keys/" + UriUtils.encodePathSegment(kid, "UTF-8") + "/retire", Map.of());
	}

	private static void requireManager(ConsoleAdmin admin) {
		if (!admin.managesClientsAndKeys()) {
			throw new ConsoleApiException(403, "");
		}
	}

}
