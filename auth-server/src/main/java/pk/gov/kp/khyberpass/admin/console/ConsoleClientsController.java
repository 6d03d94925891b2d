package pk.gov.kp.khyberpass.admin.console;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
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
 * Department clients: list, view, create and edit (form, then a review step with the
 * reason), disable, enable, delete and rotate the secret (each confirmed with a reason).
 * A new secret is shown once.
 */
@Controller
class ConsoleClientsController {

	static final Set<String> ACTIONS = Set.of("disable", "enable", "delete", "secret");

	private final ConsoleApi api;

	ConsoleClientsController(ConsoleApi api) {
		this.api = api;
	}

	@GetMapping("/admin/console/clients")
	String list(@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireReader(admin);
		model.addAttribute("clients", this.api.getList("/admin/api/clients", Map.of()));
		return "console/clients";
	}

	@GetMapping("/admin/console/clients/new")
	String createForm(@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireManager(admin);
		return form(model, ClientForm.empty(), null);
	}

	@PostMapping("/admin/console/clients/new/review")
	String createReview(@ModelAttribute("admin") ConsoleAdmin admin, HttpServletRequest request, Model model) {
		requireManager(admin);
		ClientForm form = ClientForm.of(request.getParameterMap());
		return new Confirmation("console.client.create", form.get("clientId"), "/admin/console/clients/new",
				form.values())
			.show(model, null);
	}

	@PostMapping("/admin/console/clients/new")
	String create(@ModelAttribute("admin") ConsoleAdmin admin, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		requireManager(admin);
		ClientForm form = ClientForm.of(request.getParameterMap());
		String reason = Confirmation.reason(request.getParameter("reason"));
		if (reason == null) {
			response.setStatus(400);
			return new Confirmation("console.client.create", form.get("clientId"), "/admin/console/clients/new",
					form.values())
				.show(model, "console.reason.error");
		}
		Map<String, Object> created = this.api.post("/admin/api/clients", form.request(reason, null));
		return changed(created, response, model);
	}

	@GetMapping("/admin/console/clients/{clientId}")
	String view(@PathVariable String clientId, @RequestParam(required = false) @Nullable String done,
			@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireReader(admin);
		Map<String, Object> client = this.api.getObject(path(clientId), Map.of());
		model.addAttribute("client", client);
		model.addAttribute("fields", shown(client));
		model.addAttribute("done", (done != null && (ACTIONS.contains(done) || "edit".equals(done))) ? done : null);
		return "console/client";
	}

	@GetMapping("/admin/console/clients/{clientId}/edit")
	String editForm(@PathVariable String clientId, @ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireManager(admin);
		return form(model, ClientForm.fromClient(this.api.getObject(path(clientId), Map.of())), clientId);
	}

	@PostMapping("/admin/console/clients/{clientId}/edit/review")
	String editReview(@PathVariable String clientId, @ModelAttribute("admin") ConsoleAdmin admin,
			HttpServletRequest request, Model model) {
		requireManager(admin);
		return new Confirmation("console.client.edit", clientId, editPath(clientId),
				ClientForm.of(request.getParameterMap()).values())
			.show(model, null);
	}

	@PostMapping("/admin/console/clients/{clientId}/edit")
	String edit(@PathVariable String clientId, @ModelAttribute("admin") ConsoleAdmin admin, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireManager(admin);
		ClientForm form = ClientForm.of(request.getParameterMap());
		String reason = Confirmation.reason(request.getParameter("reason"));
		if (reason == null) {
			response.setStatus(400);
			return new Confirmation("console.client.edit", clientId, editPath(clientId), form.values()).show(model,
					"console.reason.error");
		}
		Map<String, Object> updated = this.api.put(path(clientId), form.request(reason, clientId));
		if (updated != null && updated.get("clientSecret") != null) {
			return changed(updated, response, model);
		}
		return "redirect:/admin/console/clients/" + encode(clientId) + "?done=edit";
	}

	@GetMapping("/admin/console/clients/{clientId}/{action}")
	String confirm(@PathVariable String clientId, @PathVariable String action,
			@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		return confirmation(clientId, action, admin).show(model, null);
	}

	@PostMapping("/admin/console/clients/{clientId}/{action}")
	String act(@PathVariable String clientId, @PathVariable String action,
			@RequestParam(required = false) @Nullable String reason, @ModelAttribute("admin") ConsoleAdmin admin,
			HttpServletResponse response, Model model) {
		Confirmation confirmation = confirmation(clientId, action, admin);
		String why = Confirmation.reason(reason);
		if (why == null) {
			response.setStatus(400);
			return confirmation.show(model, "console.reason.error");
		}
		switch (action) {
			case "delete" -> {
				this.api.delete(path(clientId), Map.of("reason", why));
				return "redirect:/admin/console/clients?deleted";
			}
			case "secret" -> {
				Map<String, Object> rotated = this.api.post(path(clientId) + "/secret", Map.of("reason", why));
				response.setHeader("Cache-Control", "no-store");
				model.addAttribute("clientId", clientId);
				model.addAttribute("secret", (rotated != null) ? rotated.get("clientSecret") : null);
				model.addAttribute("previousValidUntil",
						(rotated != null) ? rotated.get("previousSecretValidUntil") : null);
				return "console/client-secret";
			}
			default -> {
				this.api.postOnly(path(clientId) + "/" + action, Map.of("reason", why));
				return "redirect:/admin/console/clients/" + encode(clientId) + "?done=" + action;
			}
		}
	}

	/**
	 * After a create (or an edit that issued a secret): the secret, if any, shown this
	 * once.
	 */
	private static String changed(@Nullable Map<String, Object> change, HttpServletResponse response, Model model) {
		@SuppressWarnings("unchecked")
		Map<String, Object> client = (change != null) ? (Map<String, Object>) change.get("client") : Map.of();
		String clientId = String.valueOf(client.get("clientId"));
		Object secret = (change != null) ? change.get("clientSecret") : null;
		if (secret == null) {
			return "redirect:/admin/console/clients/" + encode(clientId) + "?done=edit";
		}
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("clientId", clientId);
		model.addAttribute("secret", secret);
		return "console/client-secret";
	}

	/** The settings as text, in a fixed order (lists space-separated). */
	private static Map<String, String> shown(Map<String, Object> client) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		for (String field : java.util.List.of("authMethod", "grantTypes", "redirectUris", "postLogoutRedirectUris",
				"scopes", "audiences", "claimsAllowed", "minAcr", "requireConsent", "publicSubject", "sector",
				"backchannelLogoutUri", "jwksUri", "jwks", "idTokenSigningAlg", "accessTokenLifetime",
				"idTokenLifetime", "refreshTokenLifetime", "issuedAt", "previousSecretValidUntil")) {
			fields.put(field, ClientForm.text(client.get(field)));
		}
		return fields;
	}

	private String form(Model model, ClientForm form, @Nullable String clientId) {
		model.addAttribute("form", form.values());
		model.addAttribute("editing", clientId);
		return "console/client-form";
	}

	private Confirmation confirmation(String clientId, String action, ConsoleAdmin admin) {
		if (!ACTIONS.contains(action)) {
			throw new ConsoleApiException(404, "");
		}
		requireManager(admin);
		this.api.getObject(path(clientId), Map.of());
		return new Confirmation("console.client." + action, clientId,
				"/admin/console/clients/" + encode(clientId) + "/" + action, Map.of());
	}

	private static void requireReader(ConsoleAdmin admin) {
		if (!admin.readsClientsAndKeys()) {
			throw new ConsoleApiException(403, "");
		}
	}

	private static void requireManager(ConsoleAdmin admin) {
		if (!admin.managesClientsAndKeys()) {
			throw new ConsoleApiException(403, "");
		}
	}

	private static String editPath(String clientId) {
		return "/admin/console/clients/" + encode(clientId) + "/edit";
	}

	private static String path(String clientId) {
		return "/admin/api/clients/" + encode(clientId);
	}

	private static String encode(String segment) {
		return UriUtils.encodePathSegment(segment, "UTF-8");
	}

}
