package pk.gov.kp.khyberpass.admin.console;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

/**
 * The confirmation step every change goes through: what will happen, to what, and the
 * reason the admin API requires (3 to 500 characters), posted back to {@code action}.
 *
 * @param what the message key naming the change, such as {@code console.citizen.lock}
 * @param subject what it is done to, as shown
 * @param action where the confirmed form posts
 * @param hidden fields carried through the step unchanged (a client's settings under
 * review)
 * @param labels the message key prefix naming the hidden fields where they are shown
 * ({@code console.client.field.}, to which {@code clientName} is added)
 * @param languages the language a hidden field's value is written in, by field, for
 * fields whose language is not the page's (an API scope's descriptions)
 */
public record Confirmation(String what, String subject, String action, Map<String, String> hidden, String labels,
		Map<String, String> languages) {

	static final String VIEW = "console/confirm";

	/** A step whose hidden fields, if any, are a client's settings. */
	Confirmation(String what, String subject, String action, Map<String, String> hidden) {
		this(what, subject, action, hidden, "console.client.field.", Map.of());
	}

	/** Shows the step, with an error when the reason given was not acceptable. */
	String show(Model model, @Nullable String reasonError) {
		model.addAttribute("confirmation", this);
		model.addAttribute("reasonError", reasonError);
		return VIEW;
	}

	/**
	 * The writing direction of a hidden field's value when its language is given:
	 * {@code rtl} for Urdu and Pashto, else {@code ltr}.
	 */
	public @Nullable String direction(String field) {
		String language = this.languages.get(field);
		if (language == null) {
			return null;
		}
		return ("ur".equals(language) || "ps".equals(language)) ? "rtl" : "ltr";
	}

	/** The reason trimmed, or null when it is missing, too short or too long. */
	static @Nullable String reason(@Nullable String reason) {
		String trimmed = (reason != null) ? reason.strip() : "";
		return (trimmed.length() >= 3 && trimmed.length() <= 500) ? trimmed : null;
	}

}
