package pk.gov.kp.khyberpass.mfa;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountProperties;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.mfa.passkey.Passkeys;

/**
 * The account's security overview: which second factors the citizen has, how many
 * recovery codes are left, and removing the authenticator app or codes by SMS (after a
 * confirmation page that says what removing the last one means for the password).
 */
@Controller
final class AccountSecurityController {

	static final String PATH = "/account/security";

	private final SecondFactors secondFactors;

	private final SmsFactor smsFactor;

	private final SmsCodes smsCodes;

	private final RecoveryCodes recoveryCodes;

	private final FactorChanges changes;

	private final Passkeys passkeys;

	private final int singleFactorMinLength;

	AccountSecurityController(SecondFactors secondFactors, SmsFactor smsFactor, SmsCodes smsCodes,
			RecoveryCodes recoveryCodes, FactorChanges changes, Passkeys passkeys,
			AccountProperties accountProperties) {
		this.secondFactors = secondFactors;
		this.smsFactor = smsFactor;
		this.smsCodes = smsCodes;
		this.recoveryCodes = recoveryCodes;
		this.changes = changes;
		this.passkeys = passkeys;
		this.singleFactorMinLength = accountProperties.passwordPolicy().minLengthSingleFactor();
	}

	@GetMapping(PATH)
	String overview(@RequestParam(name = "added", required = false) @Nullable String added,
			@RequestParam(name = "removed", required = false) @Nullable String removed, Authentication authentication,
			Model model) {
		AccountId account = AccountId.parse(authentication.getName());
		model.addAttribute("added", added != null);
		model.addAttribute("removed", removed != null);
		model.addAttribute("totp", this.secondFactors.hasTotp(account));
		model.addAttribute("sms", this.smsFactor.enrolled(account));
		model.addAttribute("mobile", this.smsFactor.registeredMobile(account).map(MobileNumber::masked).orElse(""));
		model.addAttribute("recoveryCodesLeft", this.recoveryCodes.remaining(account));
		return "mfa/security";
	}

	@GetMapping(PATH + "/remove")
	String confirmRemoval(@RequestParam("factor") String factor, Authentication authentication, Model model) {
		AccountId account = AccountId.parse(authentication.getName());
		SecondFactor removable = removable(factor);
		if (!has(account, removable)) {
			return "redirect:" + PATH;
		}
		model.addAttribute("factor", removable.name());
		model.addAttribute("lastFactor", !has(account, other(removable)) && !this.passkeys.hasPasskey(account));
		model.addAttribute("minLength", this.singleFactorMinLength);
		return "mfa/remove-factor";
	}

	@PostMapping(PATH + "/remove")
	String remove(@RequestParam("factor") String factor, Authentication authentication) {
		AccountId account = AccountId.parse(authentication.getName());
		SecondFactor removable = removable(factor);
		boolean removed = switch (removable) {
			case TOTP -> this.secondFactors.removeTotp(account);
			case SMS -> {
				this.smsCodes.cancel(account, SmsCodes.Purpose.SIGN_IN);
				yield this.smsFactor.remove(account);
			}
			default -> false;
		};
		if (removed) {
			this.changes.removed(account, removable);
		}
		return "redirect:" + PATH + "?removed";
	}

	private boolean has(AccountId account, SecondFactor factor) {
		return (factor == SecondFactor.TOTP) ? this.secondFactors.hasTotp(account) : this.smsFactor.enrolled(account);
	}

	private static SecondFactor other(SecondFactor factor) {
		return (factor == SecondFactor.TOTP) ? SecondFactor.SMS : SecondFactor.TOTP;
	}

	/**
	 * Only the authenticator app and codes by SMS are removed here; anything else is not
	 * a page.
	 */
	private static SecondFactor removable(String factor) {
		return switch (factor) {
			case "TOTP" -> SecondFactor.TOTP;
			case "SMS" -> SecondFactor.SMS;
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
	}

}
