package pk.gov.kp.khyberpass.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * Who administers Khyber Pass: the signed-in administrator's own roles, and (security admins) the list of
 * role assignments, granting and withdrawing roles. The last security admin cannot be withdrawn.
 */
@RestController
final class AdminsController {

	private final AdminRoles roles;

	private final AccountService accounts;

	private final AdminAudit audit;

	AdminsController(AdminRoles roles, AccountService accounts, AdminAudit audit) {
		this.roles = roles;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/admin/api/me")
	Map<String, Object> me(@AuthenticationPrincipal Jwt admin) {
		Set<AdminRole> held = this.roles.rolesOf(AccountId.parse(admin.getSubject()));
		return Map.of("accountId", admin.getSubject(), "roles", held.stream().map(AdminRole::value).sorted().toList());
	}

	@GetMapping("/admin/api/admins")
	List<AssignmentView> list() {
		return this.roles.list()
			.stream()
			.map((assignment) -> new AssignmentView(assignment.account().toString(), assignment.role().value(),
					assignment.grantedAt().toString(), assignment.grantedBy()))
			.toList();
	}

	@PutMapping("/admin/api/admins/{accountId}/roles/{role}")
	AssignmentChange grant(@PathVariable String accountId, @PathVariable String role,
			@RequestBody ReasonRequest request, @AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		AdminRole adminRole = role(role);
		AccountId account = account(accountId);
		boolean granted = this.roles.grant(account, adminRole, admin.getSubject());
		if (granted) {
			this.audit.record(AuditEventType.ADMIN_ROLE_GRANTED, admin, accountId, null, reason,
					Map.of("role", adminRole.value()));
		}
		return new AssignmentChange(accountId, adminRole.value(), granted);
	}

	@DeleteMapping("/admin/api/admins/{accountId}/roles/{role}")
	ResponseEntity<Void> revoke(@PathVariable String accountId, @PathVariable String role,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal Jwt admin) {
		String why = Reason.require(reason);
		AdminRole adminRole = role(role);
		AccountId account = account(accountId);
		if (adminRole == AdminRole.SECURITY_ADMIN && this.roles.rolesOf(account).contains(AdminRole.SECURITY_ADMIN)
				&& this.roles.count(AdminRole.SECURITY_ADMIN) <= 1) {
			throw new ConflictException("The last security-admin cannot be withdrawn");
		}
		if (this.roles.revoke(account, adminRole)) {
			this.audit.record(AuditEventType.ADMIN_ROLE_REVOKED, admin, accountId, null, why,
					Map.of("role", adminRole.value()));
		}
		return ResponseEntity.noContent().build();
	}

	private static AdminRole role(String role) {
		return AdminRole.of(role)
			.orElseThrow(() -> new InvalidFieldException("role", "role must be security-admin, helpdesk or auditor"));
	}

	private AccountId account(String accountId) {
		AccountId account;
		try {
			account = AccountId.parse(accountId);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("accountId", "accountId must be an account id (a UUID)");
		}
		if (this.accounts.findById(account).isEmpty()) {
			throw new NotFoundException("No account " + accountId);
		}
		return account;
	}

	/** One role held by one account. */
	record AssignmentView(String accountId, String role, String grantedAt, String grantedBy) {
	}

	/** The outcome of a grant: whether the role was new. */
	record AssignmentChange(String accountId, String role, boolean granted) {
	}

}
