package pk.gov.kp.khyberpass.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the development e-mail outbox, so that a developer can read the codes Khyber Pass
 * "sent". Exists only when {@code khyberpass.notify.email=outbox}.
 */
@Controller
@ConditionalOnProperty(name = "khyberpass.notify.email", havingValue = "outbox", matchIfMissing = true)
final class EmailOutboxController {

	private final DevelopmentEmailOutbox outbox;

	EmailOutboxController(DevelopmentEmailOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/dev/email-outbox")
	String outbox(Model model) {
		model.addAttribute("messages", this.outbox.messages());
		return "notify/email-outbox";
	}

}
