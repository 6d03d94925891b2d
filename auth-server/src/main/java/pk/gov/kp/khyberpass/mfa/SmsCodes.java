package pk.gov.kp.khyberpass.mfa;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.OtpChallenge;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpOutcome;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

/**
 * Codes sent by SMS for the SMS second factor, under the same rules as the registration
 * codes ({@link OtpChallenges}: 6 digits, a few minutes, a few attempts, single use,
 * resend throttled per number). The account's open challenge is remembered in the
 * ephemeral store, one per purpose, so a code sent to confirm the number cannot be used
 * to sign in and the other way round; a new code replaces the last one.
 */
@Component
class SmsCodes {

	/** What a code is for. */
	enum Purpose {

		/** Confirming the number when adding the factor. */
		ENROLMENT,

		/** Stepping a session up. */
		SIGN_IN

	}

	private final OtpChallenges otps;

	private final EphemeralStore store;

	private final SmsGateway sms;

	private final MessageSource messages;

	SmsCodes(OtpChallenges otps, EphemeralStore store, SmsGateway sms, MessageSource messages) {
		this.otps = otps;
		this.store = store;
		this.sms = sms;
		this.messages = messages;
	}

	/**
	 * Sends a fresh code to {@code mobile}, replacing the account's open one for this
	 * purpose.
	 * @throws OtpThrottledException if a code went to this number too recently or too
	 * often
	 * @throws SmsDeliveryException if the SMS gateway did not take the message
	 */
	void send(AccountId account, MobileNumber mobile, Purpose purpose, Locale locale) {
		OtpChallenge challenge = this.otps.issue(mobile);
		this.store.put(key(account, purpose), challenge.id().getBytes(StandardCharsets.US_ASCII),
				this.otps.rules().ttl());
		String text = this.messages.getMessage("sms.code",
				new Object[] { challenge.code(), this.otps.rules().ttl().toMinutes() }, locale);
		this.sms.send(new SmsMessage(mobile.e164(), text));
	}

	/**
	 * Judges a code against the account's open challenge for this purpose; a right code
	 * or a dead challenge closes it.
	 */
	OtpOutcome check(AccountId account, Purpose purpose, String code) {
		Optional<byte[]> challengeId = this.store.get(key(account, purpose));
		if (challengeId.isEmpty()) {
			return OtpOutcome.DEAD;
		}
		String digits = code.replaceAll("[\\s-]", "");
		OtpOutcome outcome = this.otps.verify(new String(challengeId.get(), StandardCharsets.US_ASCII), digits);
		if (outcome != OtpOutcome.WRONG_CODE) {
			this.store.delete(key(account, purpose));
		}
		return outcome;
	}

	/** Whether the account has a code on its way for this purpose. */
	boolean pending(AccountId account, Purpose purpose) {
		return this.store.get(key(account, purpose)).isPresent();
	}

	/** Closes the account's open challenge for this purpose, if any. */
	void cancel(AccountId account, Purpose purpose) {
		this.store.delete(key(account, purpose));
	}

	private static String key(AccountId account, Purpose purpose) {
		return "sms-factor:" + purpose.name().toLowerCase(Locale.ROOT) + ":" + account.value();
	}

}
