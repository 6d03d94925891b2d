package pk.gov.kp.khyberpass.mfa;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;

/**
 * The SMS option of the step-up page: whether to offer it, and sending the code when the
 * citizen asks. Model attributes: {@code smsAvailable}, {@code smsSentTo} (the masked
 * number a code just went to) and {@code smsError} (a message key).
 */
@Component
class SmsSignInCodes {

	private static final Logger log = LoggerFactory.getLogger(SmsSignInCodes.class);

	private final SmsFactor factor;

	private final SmsCodes codes;

	SmsSignInCodes(SmsFactor factor, SmsCodes codes) {
		this.factor = factor;
		this.codes = codes;
	}

	void describe(AccountId account, Model model) {
		model.addAttribute("smsAvailable", this.factor.enrolled(account));
		model.addAttribute("smsSentTo", null);
		model.addAttribute("smsError", null);
	}

	void send(AccountId account, Locale locale, Model model) {
		describe(account, model);
		Optional<MobileNumber> mobile = this.factor.confirmedMobile(account);
		if (mobile.isEmpty()) {
			return;
		}
		try {
			this.codes.send(account, mobile.get(), SmsCodes.Purpose.SIGN_IN, locale);
			model.addAttribute("smsSentTo", mobile.get().masked());
		}
		catch (OtpThrottledException ex) {
			log.debug("Refused to send another sign-in code by SMS to account {} so soon", account);
			model.addAttribute("smsError", "mfa.sms.throttled");
		}
		catch (SmsDeliveryException ex) {
			log.warn("Could not send a sign-in code by SMS to account {}", account, ex);
			model.addAttribute("smsError", "mfa.sms.failed");
		}
	}

}
