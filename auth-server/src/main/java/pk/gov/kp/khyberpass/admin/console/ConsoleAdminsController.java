package pk.gov.kp.khyberpass.admin.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.util.UriUtils;

/**
 * Administrators (security admins only): who holds which admin role, granting a role to
 * an account found by its CNIC (through the citizen search) and withdrawing one, each
 * confirmed with a reason. The security-admin role of the last active security admin is
 * not offered for withdrawal, and the API's refusal of it (409) is shown in the
 * administrator's language.
 */
@Controller
class ConsoleAdminsController {

	/** The roles, in the order the pages show them; the admin API's names. */
	static final List<String> ROLES = List.of("security-admin", "helpdesk", "auditor");

	private static final String PAGE = "/admin/console/admins";

	private final ConsoleApi api;

	ConsoleAdminsController(ConsoleApi api) {
		this.api = api;
	}

	@GetMapping(PAGE)
	String list(@RequestParam(required = false) @Nullable String cnic,
			@RequestParam(required = false) @Nullable String done, @ModelAttribute("admin") ConsoleAdmin admin,
			Model model) {
		requireSecurityAdmin(admin);
		if (cnic != null && !cnic.isBlank()) {
			model.addAttribute("candidates", this.api.getList("/admin/api/citizens", Map.of("cnic", cnic.strip())));
		}
		return page(model, cnic, ("grant".equals(done) || "remove".equals(done)) ? done : null);
	}

	@GetMapping(PAGE + "/{accountId}/roles/{role}/{change}")
	String confirm(@PathVariable String accountId, @PathVariable String role, @PathVariable String change,
			@ModelAttribute("admin") ConsoleAdmin admin, HttpServletResponse response, Model model) {
		Confirmation confirmation = confirmation(accountId, role, change, admin);
		if ("remove".equals(change) && lastSecurityAdmin(accountId, role)) {
			return refusedLastSecurityAdmin(response, model);
		}
		return confirmation.show(model, null);
	}

	@PostMapping(PAGE + "/{accountId}/roles/{role}/{change}")
	String change(@PathVariable String accountId, @PathVariable String role, @PathVariable String change,
			@RequestParam(required = false) @Nullable String reason, @ModelAttribute("admin") ConsoleAdmin admin,
			HttpServletResponse response, Model model) {
		Confirmation confirmation = confirmation(accountId, role, change, admin);
		String why = Confirmation.reason(reason);
		if (why == null) {
			response.setStatus(400);
			return confirmation.show(model, "console.reason.error");
		}
		String path = path(accountId, role);
		if ("grant".equals(change)) {
			this.api.put(path, Map.of("reason", why));
		}
		else {
			try {
				this.api.delete(path, Map.of("reason", why));
			}
			catch (ConsoleApiException ex) {
				if (ex.status() == HttpStatus.CONFLICT.value()) {
					return refusedLastSecurityAdmin(response, model);
				}
				throw ex;
			}
			if (accountId.equals(admin.accountId()) && "security-admin".equals(role)) {
				// this page is for security admins only, and the administrator no longer
				// is one
				return "redirect:/admin/console";
			}
		}
		return "redirect:" + PAGE + "?done=" + change;
	}

	private String refusedLastSecurityAdmin(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("refused", "console.admins.last");
		return page(model, null, null);
	}

	private String page(Model model, @Nullable String cnic, @Nullable String done) {
		List<Holder> holders = holders(this.api.getList("/admin/api/admins", Map.of()));
		Map<String, Holder> byAccount = new LinkedHashMap<>();
		holders.forEach((holder) -> byAccount.put(holder.accountId(), holder));
		model.addAttribute("admins", holders);
		model.addAttribute("heldBy", byAccount);
		model.addAttribute("roles", ROLES);
		model.addAttribute("cnic", cnic);
		model.addAttribute("done", done);
		return "console/admins";
	}

	/** The check, the subject shown, and where the confirmed form posts. */
	private Confirmation confirmation(String accountId, String role, String change, ConsoleAdmin admin) {
		requireSecurityAdmin(admin);
		if (!ROLES.contains(role) || !("grant".equals(change) || "remove".equals(change))) {
			throw new ConsoleApiException(404, "");
		}
		Map<String, Object> holder = this.api.getObject("/admin/api/citizens/" + encode(accountId), Map.of());
		String subject = holder.get("fullName") + " (" + holder.get("cnic") + "): " + role;
		return new Confirmation("console.admins." + change, subject,
				PAGE + "/" + encode(accountId) + "/roles/" + role + "/" + change, Map.of());
	}

	private boolean lastSecurityAdmin(String accountId, String role) {
		if (!"security-admin".equals(role)) {
			return false;
		}
		return holders(this.api.getList("/admin/api/admins", Map.of())).stream()
			.anyMatch((holder) -> holder.accountId().equals(accountId) && holder.lastSecurityAdmin());
	}

	/**
	 * The assignments by account, in the API's order, each account's roles in
	 * {@link #ROLES} order.
	 */
	static List<Holder> holders(List<Map<String, Object>> assignments) {
		Map<String, List<Map<String, Object>>> byAccount = new LinkedHashMap<>();
		assignments.forEach((assignment) -> byAccount
			.computeIfAbsent(String.valueOf(assignment.get("accountId")), (id) -> new ArrayList<>())
			.add(assignment));
		long activeSecurityAdmins = assignments.stream()
			.filter((assignment) -> "security-admin".equals(assignment.get("role"))
					&& "ACTIVE".equals(assignment.get("status")))
			.count();
		List<Holder> holders = new ArrayList<>();
		byAccount.forEach((accountId, held) -> {
			Map<String, Object> first = held.get(0);
			boolean active = "ACTIVE".equals(first.get("status"));
			List<Held> roles = held.stream()
				.sorted(java.util.Comparator.comparingInt((assignment) -> ROLES.indexOf(assignment.get("role"))))
				.map((assignment) -> new Held(String.valueOf(assignment.get("role")),
						String.valueOf(assignment.get("grantedAt")), String.valueOf(assignment.get("grantedBy"))))
				.toList();
			boolean last = active && activeSecurityAdmins <= 1
					&& roles.stream().anyMatch((role) -> "security-admin".equals(role.role()));
			holders.add(new Holder(accountId, text(first.get("fullName")), text(first.get("cnic")),
					text(first.get("status")), roles, last));
		});
		return holders;
	}

	private static void requireSecurityAdmin(ConsoleAdmin admin) {
		if (!admin.managesAdmins()) {
			throw new ConsoleApiException(403, "");
		}
	}

	private static String path(String accountId, String role) {
		return "/admin/api/admins/" + encode(accountId) + "/roles/" + role;
	}

	private static String encode(String segment) {
		return UriUtils.encodePathSegment(segment, "UTF-8");
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * One account holding admin roles, as the page lists it.
	 *
	 * @param accountId the account id
	 * @param fullName the name
	 * @param cnic the CNIC, masked
	 * @param status the account status
	 * @param roles the roles held
	 * @param lastSecurityAdmin whether this is the only active security admin, whose role
	 * is not offered for withdrawal
	 */
	record Holder(String accountId, String fullName, String cnic, String status, List<Held> roles,
			boolean lastSecurityAdmin) {

		public boolean holds(String role) {
			return this.roles.stream().anyMatch((held) -> held.role().equals(role));
		}

	}

	/**
	 * One role of a holder.
	 *
	 * @param role the role
	 * @param grantedAt when it was granted
	 * @param grantedBy who granted it (an account id, or {@code system})
	 */
	record Held(String role, String grantedAt, String grantedBy) {
	}

}
