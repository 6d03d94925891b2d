package pk.gov.kp.khyberpass.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * Who administers Khyber Pass: the signed-in administrator's own roles, and (security
 * admins) the list of role assignments, granting and withdrawing roles. The
 * security-admin role of the last active security admin cannot be withdrawn, whoever asks
 * (that administrator included): 409.
 */
@RestController
final class AdminsController {

	/**
	 * The refusal's detail, which the console recognises and words in the administrator's
	 * language.
	 */
	static final String LAST_SECURITY_ADMIN = "The security-admin role of the last active security admin cannot be "
			+ "withdrawn, not even by that administrator: grant it to someone else first";

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

	/**
	 * Every role assignment, by account, with who holds it (name, masked CNIC, account
	 * status: a locked administrator's roles do not count until the account is unlocked).
	 */
	@GetMapping("/admin/api/admins")
	List<AssignmentView> list() {
		Map<AccountId, Optional<Account>> holders = new HashMap<>();
		return this.roles.list().stream().map((assignment) -> {
			Optional<Account> holder = holders.computeIfAbsent(assignment.account(), this.accounts::findById);
			return new AssignmentView(assignment.account().toString(), assignment.role().value(),
					assignment.grantedAt().toString(), assignment.grantedBy(),
					holder.map(Account::fullName).orElse(null),
					holder.map((account) -> account.cnic().masked()).orElse(null),
					holder.map((account) -> account.status().name()).orElse(null));
		}).toList();
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
		AdminRoles.Revocation outcome = this.roles.revoke(account, adminRole);
		if (outcome == AdminRoles.Revocation.LAST_SECURITY_ADMIN) {
			throw new ConflictException(LAST_SECURITY_ADMIN);
		}
		if (outcome == AdminRoles.Revocation.REVOKED) {
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

	/**
	 * One role held by one account.
	 *
	 * @param accountId the holder's account id
	 * @param role the role
	 * @param grantedAt when it was granted
	 * @param grantedBy the granting administrator's account id, or {@code system}
	 * @param fullName the holder's name
	 * @param cnic the holder's CNIC, masked
	 * @param status the holder's account status; roles count only while it is
	 * {@code ACTIVE}
	 */
	record AssignmentView(String accountId, String role, String grantedAt, String grantedBy, @Nullable String fullName,
			@Nullable String cnic, @Nullable String status) {
	}

	/** The outcome of a grant: whether the role was new. */
	record AssignmentChange(String accountId, String role, boolean granted) {
	}

}
