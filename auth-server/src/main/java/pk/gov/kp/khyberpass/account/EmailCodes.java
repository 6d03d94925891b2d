package pk.gov.kp.khyberpass.account;

import java.util.Locale;

import pk.gov.kp.khyberpass.notify.EmailDeliveryException;
import pk.gov.kp.khyberpass.notify.EmailGateway;
import pk.gov.kp.khyberpass.notify.EmailMessage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends the 6-digit code that proves an e-mail address belongs to the citizen (same rules
 * and throttle as the SMS codes). Used by the profile's e-mail change and by
 * registration; the address becomes the account's only when the code comes back through
 * {@link OtpChallenges#verify(String, String)}.
 */
@Component
public final class EmailCodes {

	private final OtpChallenges otps;

	private final EmailGateway email;

	private final MessageSource messages;

	EmailCodes(OtpChallenges otps, EmailGateway email, MessageSource messages) {
		this.otps = otps;
		this.email = email;
		this.messages = messages;
	}

	/**
	 * Sends a code to the address, in the citizen's language.
	 * @param address the address to prove
	 * @param locale the citizen's language
	 * @return the challenge id to check the code against
	 * @throws OtpThrottledException if too many codes went to the address
	 * @throws EmailDeliveryException if the mail relay refused the message
	 */
	public String send(EmailAddress address, Locale locale) {
		OtpChallenge challenge = this.otps.issue(address);
		this.email.send(new EmailMessage(address.value(), this.messages.getMessage("email.code.subject", null, locale),
				this.messages.getMessage("email.code.text",
						new Object[] { challenge.code(), this.otps.rules().ttl().toMinutes() }, locale)));
		return challenge.id();
	}

}
