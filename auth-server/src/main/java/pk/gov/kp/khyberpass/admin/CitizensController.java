package pk.gov.kp.khyberpass.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountAdministration;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.InvalidMobileNumberException;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.cnic.InvalidCnicException;
import pk.gov.kp.khyberpass.mfa.SecondFactorReset;
import pk.gov.kp.khyberpass.mfa.SecondFactors;

/**
 * Citizen support: search (by CNIC through the blind index, by mobile number, or by
 * name), view (masked), reveal the CNIC (security admins, with a reason), lock, unlock,
 * force a password reset, reset MFA, and sign out everywhere. Lock, forced password reset
 * and MFA reset also sign out everywhere. Every call is audited, reads included.
 */
@RestController
@RequestMapping("/admin/api/citizens")
final class CitizensController {

	private final AccountService accounts;

	private final AccountAdministration administration;

	private final SecondFactors secondFactors;

	private final SecondFactorReset secondFactorReset;

	private final SignOutEverywhere signOut;

	private final AdminAudit audit;

	CitizensController(AccountService accounts, AccountAdministration administration, SecondFactors secondFactors,
			SecondFactorReset secondFactorReset, SignOutEverywhere signOut, AdminAudit audit) {
		this.accounts = accounts;
		this.administration = administration;
		this.secondFactors = secondFactors;
		this.secondFactorReset = secondFactorReset;
		this.signOut = signOut;
		this.audit = audit;
	}

	@GetMapping
	List<CitizenView> search(@RequestParam(required = false) @Nullable String cnic,
			@RequestParam(required = false) @Nullable String mobile,
			@RequestParam(required = false) @Nullable String name, @AuthenticationPrincipal Jwt admin) {
		int given = ((cnic != null) ? 1 : 0) + ((mobile != null) ? 1 : 0) + ((name != null) ? 1 : 0);
		if (given != 1) {
			throw new InvalidFieldException("cnic", "give exactly one of cnic, mobile or name");
		}
		List<Account> found;
		String by;
		if (cnic != null) {
			by = "cnic";
			found = this.accounts.findByCnic(parseCnic(cnic)).stream().toList();
		}
		else if (mobile != null) {
			by = "mobile";
			found = this.accounts.findByMobile(parseMobile(mobile)).stream().toList();
		}
		else {
			by = "name";
			String fragment = name.strip();
			if (fragment.length() < 2 || fragment.length() > 100) {
				throw new InvalidFieldException("name", "name must have 2 to 100 characters");
			}
			found = this.administration.findByName(fragment);
		}
		this.audit.record(AuditEventType.CITIZEN_SEARCHED, admin, "citizens", null, null,
				Map.of("by", by, "results", Integer.toString(found.size())));
		return found.stream().map(CitizenView::summary).toList();
	}

	@GetMapping("/{id}")
	CitizenView view(@PathVariable String id, @AuthenticationPrincipal Jwt admin) {
		Account account = require(id);
		this.audit.record(AuditEventType.CITIZEN_VIEWED, admin, id, null, null, Map.of());
		return CitizenView.detail(account, this.secondFactors.hasTotp(account.id()),
				this.secondFactors.hasSecondFactor(account.id()));
	}

	/**
	 * The clear CNIC: only security admins reach this (see the filter chain), only with a
	 * reason.
	 */
	@PostMapping("/{id}/cnic")
	Map<String, String> revealCnic(@PathVariable String id, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		Account account = require(id);
		this.audit.record(AuditEventType.CNIC_REVEALED, admin, id, reason);
		return Map.of("id", id, "cnic", account.cnic().formatted());
	}

	@PostMapping("/{id}/lock")
	CitizenView lock(@PathVariable String id, @RequestBody ReasonRequest request, @AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		AccountId account = require(id).id();
		this.administration.lock(account);
		SignOutEverywhere.Outcome ended = this.signOut.signOut(account);
		this.audit.record(AuditEventType.ACCOUNT_LOCKED, admin, id, null, reason, ended.details());
		return detail(account);
	}

	@PostMapping("/{id}/unlock")
	CitizenView unlock(@PathVariable String id, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		AccountId account = require(id).id();
		this.administration.unlock(account);
		this.audit.record(AuditEventType.ACCOUNT_UNLOCKED, admin, id, reason);
		return detail(account);
	}

	@PostMapping("/{id}/password-reset")
	CitizenView forcePasswordReset(@PathVariable String id, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		AccountId account = require(id).id();
		this.administration.requirePasswordReset(account);
		SignOutEverywhere.Outcome ended = this.signOut.signOut(account);
		this.audit.record(AuditEventType.PASSWORD_RESET_FORCED, admin, id, null, reason, ended.details());
		return detail(account);
	}

	@PostMapping("/{id}/mfa-reset")
	CitizenView resetMfa(@PathVariable String id, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		AccountId account = require(id).id();
		int removed = this.secondFactorReset.removeAll(account);
		// after the removal: a session or token won with a removed factor must not
		// outlive it
		SignOutEverywhere.Outcome ended = this.signOut.signOut(account);
		this.audit.record(AuditEventType.SECOND_FACTORS_RESET, admin, id, null, reason,
				ended.details(Map.of("removed", Integer.toString(removed))));
		return detail(account);
	}

	@PostMapping("/{id}/sign-out")
	Map<String, Object> signOut(@PathVariable String id, @RequestBody ReasonRequest request,
			@AuthenticationPrincipal Jwt admin) {
		String reason = Reason.require(request.reason());
		AccountId account = require(id).id();
		SignOutEverywhere.Outcome ended = this.signOut.signOut(account);
		this.audit.record(AuditEventType.SESSIONS_REVOKED, admin, id, null, reason, ended.details());
		return Map.of("id", id, "sessionsEnded", ended.sessions(), "tokenFamiliesRevoked", ended.tokenFamilies());
	}

	private CitizenView detail(AccountId id) {
		Account account = this.accounts.findById(id).orElseThrow(() -> new NotFoundException("No citizen " + id));
		return CitizenView.detail(account, this.secondFactors.hasTotp(id), this.secondFactors.hasSecondFactor(id));
	}

	private Account require(String id) {
		AccountId account;
		try {
			account = AccountId.parse(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("id", "id must be an account id (a UUID)");
		}
		Optional<Account> found = this.accounts.findById(account);
		return found.orElseThrow(() -> new NotFoundException("No citizen " + id));
	}

	private static Cnic parseCnic(String cnic) {
		try {
			return Cnic.parse(cnic);
		}
		catch (InvalidCnicException ex) {
			throw new InvalidFieldException("cnic", "cnic must be 13 digits, bare or written 12345-1234567-1");
		}
	}

	private static MobileNumber parseMobile(String mobile) {
		try {
			return MobileNumber.parse(mobile);
		}
		catch (InvalidMobileNumberException ex) {
			throw new InvalidFieldException("mobile", "mobile must be a Pakistani mobile number such as 0300-1234567");
		}
	}

}
