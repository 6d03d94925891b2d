package pk.gov.kp.khyberpass.mfa;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpOutcome;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;

/**
 * Turning on codes by SMS in the account area: a code goes to the account's registered
 * mobile number and coming back with it confirms that the number reaches the citizen.
 */
@Controller
final class SmsFactorController {

	static final String PATH = "/account/security/sms";

	private static final String VIEW = "mfa/sms";

	private static final Logger log = LoggerFactory.getLogger(SmsFactorController.class);

	private final SmsFactor factor;

	private final SmsCodes codes;

	private final FactorChanges changes;

	SmsFactorController(SmsFactor factor, SmsCodes codes, FactorChanges changes) {
		this.factor = factor;
		this.codes = codes;
		this.changes = changes;
	}

	@GetMapping(PATH)
	String page(Authentication authentication, Model model) {
		return show(AccountId.parse(authentication.getName()), null, model);
	}

	@PostMapping(PATH + "/send")
	String send(Authentication authentication, Locale locale, Model model) {
		AccountId account = AccountId.parse(authentication.getName());
		Optional<MobileNumber> mobile = this.factor.registeredMobile(account);
		if (mobile.isEmpty() || this.factor.enrolled(account)) {
			return "redirect:" + PATH;
		}
		try {
			this.codes.send(account, mobile.get(), SmsCodes.Purpose.ENROLMENT, locale);
		}
		catch (OtpThrottledException ex) {
			return show(account, "sms.error.throttled", model);
		}
		catch (SmsDeliveryException ex) {
			log.warn("Could not send an enrolment code by SMS to account {}", account, ex);
			return show(account, "sms.error.failed", model);
		}
		return "redirect:" + PATH;
	}

	@PostMapping(PATH)
	String confirm(@RequestParam("code") String code, Authentication authentication, Model model) {
		AccountId account = AccountId.parse(authentication.getName());
		Optional<MobileNumber> mobile = this.factor.registeredMobile(account);
		if (mobile.isEmpty() || this.factor.enrolled(account)) {
			return "redirect:" + PATH;
		}
		if (OtpChallenges.typedCode(code).isEmpty()) {
			return show(account, "sms.code.format", model);
		}
		OtpOutcome outcome = this.codes.check(account, SmsCodes.Purpose.ENROLMENT, code);
		if (outcome == OtpOutcome.ACCEPTED) {
			this.factor.enrol(account, mobile.get());
			log.info("Account {} turned on codes by SMS", account);
			this.changes.enrolled(account, SecondFactor.SMS);
			return "redirect:" + AccountSecurityController.PATH + "?added";
		}
		return show(account, (outcome == OtpOutcome.WRONG_CODE) ? "sms.code.wrong" : "sms.code.dead", model);
	}

	private String show(AccountId account, @Nullable String error, Model model) {
		Optional<MobileNumber> mobile = this.factor.registeredMobile(account);
		String state;
		if (mobile.isEmpty()) {
			state = "no-mobile";
		}
		else if (this.factor.enrolled(account)) {
			state = "enrolled";
		}
		else {
			state = this.codes.pending(account, SmsCodes.Purpose.ENROLMENT) ? "code-sent" : "start";
		}
		model.addAttribute("state", state);
		model.addAttribute("mobile", mobile.map(MobileNumber::masked).orElse(""));
		model.addAttribute("error", error);
		return VIEW;
	}

}
