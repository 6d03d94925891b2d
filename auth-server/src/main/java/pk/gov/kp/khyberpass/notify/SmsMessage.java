package pk.gov.kp.khyberpass.notify;

import java.util.regex.Pattern;

/**
 * One text message. {@link #toString()} masks the number and hides the text, which may
 * carry a one-time code.
 *
 * @param to the recipient in E.164 form, {@code +923001234567}
 * @param text the text, at most 480 characters
 */
public record SmsMessage(String to, String text) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private static final int MAX_TEXT_LENGTH = 480;

	public SmsMessage {
		if (!E164.matcher(to).matches()) {
			throw new IllegalArgumentException("The recipient must be an E.164 number");
		}
		if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
			throw new IllegalArgumentException("The text must be 1 to " + MAX_TEXT_LENGTH + " characters");
		}
	}

	/** The recipient with all but the first six and the last two characters hidden. */
	public String maskedRecipient() {
		return this.to.substring(0, Math.min(6, this.to.length())) + "*****" + this.to.substring(this.to.length() - 2);
	}

	@Override
	public String toString() {
		return "SmsMessage[to=" + maskedRecipient() + "]";
	}

}
