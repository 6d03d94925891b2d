package pk.gov.kp.khyberpass.notify;

/**
 * One e-mail. {@link #toString()} masks the address and hides subject and text, which may
 * carry a one-time code. No line breaks in the address or subject: they would let a value
 * add mail headers.
 *
 * @param to the recipient address
 * @param subject the subject line, at most 200 characters
 * @param text the plain-text body, at most 4000 characters
 */
public record EmailMessage(String to, String subject, String text) {

	private static final int MAX_ADDRESS_LENGTH = 254;

	private static final int MAX_SUBJECT_LENGTH = 200;

	private static final int MAX_TEXT_LENGTH = 4000;

	public EmailMessage {
		int at = to.lastIndexOf('@');
		if (at < 1 || at == to.length() - 1 || to.length() > MAX_ADDRESS_LENGTH || hasLineBreakOrSpace(to)) {
			throw new IllegalArgumentException("The recipient must be an e-mail address");
		}
		if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH || subject.indexOf('\r') >= 0
				|| subject.indexOf('\n') >= 0) {
			throw new IllegalArgumentException(
					"The subject must be one line of 1 to " + MAX_SUBJECT_LENGTH + " characters");
		}
		if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
			throw new IllegalArgumentException("The text must be 1 to " + MAX_TEXT_LENGTH + " characters");
		}
	}

	private static boolean hasLineBreakOrSpace(String value) {
		return value.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c));
	}

	/**
	 * The recipient with the local part hidden but its first character, for example
	 * {@code j***@example.pk}.
	 */
	public String maskedRecipient() {
		int at = this.to.lastIndexOf('@');
		return this.to.charAt(0) + "***" + this.to.substring(at);
	}

	@Override
	public String toString() {
		return "EmailMessage[to=" + maskedRecipient() + "]";
	}

}
