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
 */
public record Confirmation(String what, String subject, String action, Map<String, String> hidden) {

	static final String VIEW = "console/confirm";

	/** Shows the step, with an error when the reason given was not acceptable. */
	String show(Model model, @Nullable String reasonError) {
		model.addAttribute("confirmation", this);
		model.addAttribute("reasonError", reasonError);
		return VIEW;
	}

	/** The reason trimmed, or null when it is missing, too short or too long. */
	static @Nullable String reason(@Nullable String reason) {
		String trimmed = (reason != null) ? reason.strip() : "";
		return (trimmed.length() >= 3 && trimmed.length() <= 500) ? trimmed : null;
	}

}
