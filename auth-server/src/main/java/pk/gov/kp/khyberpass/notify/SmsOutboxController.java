package pk.gov.kp.khyberpass.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the development outbox, so that a developer can read the codes Khyber Pass
 * "sent". Exists only when {@code khyberpass.notify.sms=outbox}.
 */
@Controller
@ConditionalOnProperty(name = "khyberpass.notify.sms", havingValue = "outbox", matchIfMissing = true)
final class SmsOutboxController {

	private final DevelopmentSmsOutbox outbox;

	SmsOutboxController(DevelopmentSmsOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/dev/sms-outbox")
	String outbox(Model model) {
		model.addAttribute("messages", this.outbox.messages());
		return "notify/sms-outbox";
	}

}
