package pk.gov.kp.khyberpass.admin;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.ApiScopes;

/**
 * Department API scopes and what the consent page says about them: list, read, create or
 * replace, delete.
 */
@RestController
@RequestMapping("/admin/api/scopes")
final class ApiScopesController {

	private static final Set<String> FIELDS = Arrays.stream(ApiScopeRequest.class.getRecordComponents())
		.map(RecordComponent::getName)
		.collect(Collectors.toUnmodifiableSet());

	private final ApiScopes scopes;

	private final AdminAudit audit;

	private final JsonMapper json;

	ApiScopesController(ApiScopes scopes, AdminAudit audit, JsonMapper json) {
		this.scopes = scopes;
		this.audit = audit;
		this.json = json;
	}

	@GetMapping
	List<ApiScopeView> list() {
		return this.scopes.list().stream().map(ApiScopeView::of).toList();
	}

	@GetMapping("/{name}")
	ApiScopeView read(@PathVariable String name) {
		return this.scopes.find(name).map(ApiScopeView::of).orElseThrow(() -> notFound(name));
	}

	/**
	 * Creates the scope (201) or replaces its descriptions (200): what is not sent is
	 * removed.
	 */
	@PutMapping("/{name}")
	ResponseEntity<ApiScopeView> put(@PathVariable String name, @RequestBody Map<String, Object> body,
			@AuthenticationPrincipal Jwt admin) {
		ApiScopeRequest request = request(body);
		String reason = Reason.require(request.reason());
		ApiScope scope = request.toApiScope(name);
		Optional<ApiScope> before = this.scopes.put(scope, admin.getSubject());
		if (before.isPresent()) {
			this.audit.record(AuditEventType.API_SCOPE_UPDATED, admin, name, null, reason,
					Map.of("changed", String.join(" ", scope.changedFrom(before.get()))));
			return ResponseEntity.ok(read(name));
		}
		this.audit.record(AuditEventType.API_SCOPE_CREATED, admin, name, null, reason,
				Map.of("languages", String.join(" ", scope.languages())));
		return ResponseEntity.status(HttpStatus.CREATED).body(read(name));
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal Jwt admin) {
		String why = Reason.require(reason);
		if (!this.scopes.delete(name)) {
			throw notFound(name);
		}
		this.audit.record(AuditEventType.API_SCOPE_DELETED, admin, name, null, why, Map.of());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Reads the body strictly: an unknown field (a typo such as {@code descriptionUrdu})
	 * is refused.
	 */
	private ApiScopeRequest request(Map<String, Object> body) {
		for (String field : body.keySet()) {
			if (!FIELDS.contains(field)) {
				throw new InvalidFieldException(field, "unknown field '" + field + "'");
			}
		}
		try {
			return this.json.convertValue(body, ApiScopeRequest.class);
		}
		catch (JacksonException ex) {
			String field = AdminProblemHandler.fieldOf(ex);
			throw new InvalidFieldException(field, field + " has the wrong type");
		}
	}

	private static NotFoundException notFound(String name) {
		return new NotFoundException("No API scope " + name);
	}

}
