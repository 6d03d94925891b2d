package pk.gov.kp.khyberpass.admin.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pk.gov.kp.khyberpass.oidc.ApiScope;

/**
 * Department API scopes' consent descriptions (security admins only, as in the admin
 * API): the list, describing a scope and editing its descriptions (form, then the review
 * step with the reason), and deleting them (confirmed with a reason). A field the rules
 * refuse is shown on the form, at the review step or when the API refuses it on saving.
 * Every change is the admin API's {@code PUT} or {@code DELETE /admin/api/scopes/{name}},
 * so it is audited as one made through the API.
 */
@Controller
class ConsoleScopesController {

	private static final String PAGE = "/admin/console/scopes";

	private static final Set<String> DONE = Set.of("create", "edit", "delete");

	private static final String LABELS = "console.scope.field.";

	private final ConsoleApi api;

	ConsoleScopesController(ConsoleApi api) {
		this.api = api;
	}

	@GetMapping(PAGE)
	String list(@RequestParam(required = false) @Nullable String done, @ModelAttribute("admin") ConsoleAdmin admin,
			Model model) {
		requireSecurityAdmin(admin);
		model.addAttribute("scopes", this.api.getList("/admin/api/scopes", Map.of()));
		model.addAttribute("done", (done != null && DONE.contains(done)) ? done : null);
		return "console/scopes";
	}

	@GetMapping(PAGE + "/new")
	String createForm(@ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireSecurityAdmin(admin);
		return form(model, ScopeForm.empty(), null, Map.of(), Map.of());
	}

	@PostMapping(PAGE + "/new/review")
	String createReview(@ModelAttribute("admin") ConsoleAdmin admin, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireSecurityAdmin(admin);
		ScopeForm form = ScopeForm.of(request.getParameterMap());
		String refused = refusedNew(form, response, model);
		return (refused != null) ? refused : creation(form).show(model, null);
	}

	@PostMapping(PAGE + "/new")
	String create(@ModelAttribute("admin") ConsoleAdmin admin, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		requireSecurityAdmin(admin);
		ScopeForm form = ScopeForm.of(request.getParameterMap());
		String reason = Confirmation.reason(request.getParameter("reason"));
		if (reason == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return creation(form).show(model, "console.reason.error");
		}
		String refused = refusedNew(form, response, model);
		if (refused != null) {
			return refused;
		}
		return save(form, null, reason, response, model);
	}

	@GetMapping(PAGE + "/{name}/edit")
	String editForm(@PathVariable String name, @ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		requireSecurityAdmin(admin);
		return form(model, ScopeForm.fromScope(described(name)), name, Map.of(), Map.of());
	}

	@PostMapping(PAGE + "/{name}/edit/review")
	String editReview(@PathVariable String name, @ModelAttribute("admin") ConsoleAdmin admin,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		requireSecurityAdmin(admin);
		ScopeForm form = ScopeForm.of(request.getParameterMap()).named(name);
		described(name);
		Map<String, String> problems = form.problems();
		if (!problems.isEmpty()) {
			return invalid(form, name, problems, response, model);
		}
		return edition(form).show(model, null);
	}

	@PostMapping(PAGE + "/{name}/edit")
	String edit(@PathVariable String name, @ModelAttribute("admin") ConsoleAdmin admin, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireSecurityAdmin(admin);
		// deleted meanwhile: not found, rather than described again by a PUT
		described(name);
		ScopeForm form = ScopeForm.of(request.getParameterMap()).named(name);
		String reason = Confirmation.reason(request.getParameter("reason"));
		if (reason == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return edition(form).show(model, "console.reason.error");
		}
		return save(form, name, reason, response, model);
	}

	@GetMapping(PAGE + "/{name}/delete")
	String confirmDeletion(@PathVariable String name, @ModelAttribute("admin") ConsoleAdmin admin, Model model) {
		return deletion(name, admin).show(model, null);
	}

	@PostMapping(PAGE + "/{name}/delete")
	String delete(@PathVariable String name, @RequestParam(required = false) @Nullable String reason,
			@ModelAttribute("admin") ConsoleAdmin admin, HttpServletResponse response, Model model) {
		Confirmation confirmation = deletion(name, admin);
		String why = Confirmation.reason(reason);
		if (why == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return confirmation.show(model, "console.reason.error");
		}
		this.api.delete(path(name), Map.of("reason", why));
		return "redirect:" + PAGE + "?done=delete";
	}

	/**
	 * The form again when a new scope's fields break the rules or its name is already
	 * described (a {@code PUT} would replace that scope's descriptions); null when it may
	 * go on.
	 */
	private @Nullable String refusedNew(ScopeForm form, HttpServletResponse response, Model model) {
		Map<String, String> problems = form.problems();
		if (!problems.isEmpty()) {
			return invalid(form, null, problems, response, model);
		}
		if (isDescribed(form.name())) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, form, null, Map.of("name", "console.scope.error.exists"), Map.of());
		}
		return null;
	}

	/**
	 * The admin API's {@code PUT}; a field it refuses is shown on the form with its
	 * explanation.
	 */
	private String save(ScopeForm form, @Nullable String editing, String reason, HttpServletResponse response,
			Model model) {
		try {
			this.api.put(path(form.name()), form.request(reason));
		}
		catch (ConsoleApiException ex) {
			String field = ScopeForm.field(ex.field());
			if (ex.status() != HttpStatus.BAD_REQUEST.value() || field == null) {
				throw ex;
			}
			return invalid(form, editing, Map.of(field, ex.getMessage()), response, model);
		}
		return "redirect:" + PAGE + "?done=" + ((editing != null) ? "edit" : "create");
	}

	/** The form with its errors: a message per field, and the rule's own explanation. */
	private String invalid(ScopeForm form, @Nullable String editing, Map<String, String> problems,
			HttpServletResponse response, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String field : ScopeForm.FIELDS) {
			if (problems.containsKey(field)) {
				errors.put(field, "console.scope.error." + field);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(model, form, editing, errors, problems);
	}

	private String form(Model model, ScopeForm form, @Nullable String editing, Map<String, String> errors,
			Map<String, String> details) {
		model.addAttribute("form", form.values());
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("details", details);
		model.addAttribute("descriptionLanguages", ScopeForm.LANGUAGES);
		return "console/scope-form";
	}

	private static Confirmation creation(ScopeForm form) {
		return new Confirmation("console.scope.create", form.name(), PAGE + "/new", form.values(), LABELS,
				ScopeForm.LANGUAGES);
	}

	private static Confirmation edition(ScopeForm form) {
		return new Confirmation("console.scope.edit", form.name(), PAGE + "/" + form.name() + "/edit", form.values(),
				LABELS, ScopeForm.LANGUAGES);
	}

	private Confirmation deletion(String name, ConsoleAdmin admin) {
		requireSecurityAdmin(admin);
		described(name);
		return new Confirmation("console.scope.delete", name, PAGE + "/" + name + "/delete", Map.of());
	}

	/**
	 * The scope as the admin API shows it; not found (404) for a name that is not an API
	 * scope's or that nobody described.
	 */
	private Map<String, Object> described(String name) {
		if (!ApiScope.isApiScopeName(name)) {
			throw new ConsoleApiException(HttpStatus.NOT_FOUND.value(), "No API scope " + name);
		}
		return this.api.getObject(path(name), Map.of());
	}

	private boolean isDescribed(String name) {
		try {
			described(name);
			return true;
		}
		catch (ConsoleApiException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND.value()) {
				return false;
			}
			throw ex;
		}
	}

	private static void requireSecurityAdmin(ConsoleAdmin admin) {
		if (!admin.describesScopes()) {
			throw new ConsoleApiException(HttpStatus.FORBIDDEN.value(), "");
		}
	}

	/**
	 * The admin API's address of a scope: the name has the API scope form (checked
	 * before), letters, digits, dashes and dots only, so it needs no encoding.
	 */
	private static String path(String name) {
		return "/admin/api/scopes/" + name;
	}

}
