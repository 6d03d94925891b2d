package pk.gov.kp.khyberpass.admin.console;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every console page: the administrator's roles from {@code /admin/api/me} (so a role
 * withdrawn a moment ago is gone on the next page), and the pages for the API's refusals.
 */
@ControllerAdvice(assignableTypes = { ConsoleController.class, ConsoleClientsController.class,
		ConsoleCitizensController.class, ConsoleKeysController.class, ConsoleAuditController.class,
		ConsoleAdminsController.class, ConsoleScopesController.class })
class ConsoleAdvice {

	private final ConsoleApi api;

	ConsoleAdvice(ConsoleApi api) {
		this.api = api;
	}

	@ModelAttribute("admin")
	ConsoleAdmin admin() {
		Map<String, Object> me = this.api.getObject("/admin/api/me", Map.of());
		@SuppressWarnings("unchecked")
		List<String> roles = (List<String>) me.getOrDefault("roles", List.of());
		return new ConsoleAdmin(String.valueOf(me.get("accountId")), List.copyOf(roles));
	}

	@ExceptionHandler(ConsoleApiException.class)
	String refused(ConsoleApiException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (ex.status() == 401) {
			// The tokens are gone (expired, revoked, or the admin was signed out
			// everywhere): sign in again.
			request.getSession().removeAttribute(ConsoleSecurityConfiguration.CONTEXT_ATTRIBUTE);
			SecurityContextHolder.clearContext();
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			return "console/expired";
		}
		if (ex.status() == 403) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "console/refused";
		}
		response.setStatus((ex.status() == 404) ? 404 : 400);
		model.addAttribute("status", ex.status());
		model.addAttribute("detail", ex.getMessage());
		return "console/problem";
	}

}
