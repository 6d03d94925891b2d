package pk.gov.kp.khyberpass.account;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * A form's errors in field order, each resolved in the citizen's language; the first per
 * field wins. The pages show them in an error summary whose links point at the fields (by
 * id).
 */
public final class FormErrors {

	private final Map<String, String> byField = new LinkedHashMap<>();

	private final MessageSource messages;

	private final Locale locale;

	public FormErrors(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * Adds the message {@code key} for {@code field}, unless that field already has one.
	 */
	public void add(String field, String key, Object... arguments) {
		this.byField.putIfAbsent(field, this.messages.getMessage(key, arguments, this.locale));
	}

	public boolean isEmpty() {
		return this.byField.isEmpty();
	}

	/** Field id to message, in the order added. */
	public Map<String, String> byField() {
		return this.byField;
	}

}
