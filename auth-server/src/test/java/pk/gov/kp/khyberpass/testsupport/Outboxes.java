package pk.gov.kp.khyberpass.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import pk.gov.kp.khyberpass.notify.DevelopmentEmailOutbox;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.notify.EmailMessage;
import pk.gov.kp.khyberpass.notify.SmsMessage;

/**
 * Waits, up to 5 seconds, for a message in the development outboxes: notices are sent in
 * the background, so a test reads them some milliseconds after the request that caused
 * them.
 */
public final class Outboxes {

	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private Outboxes() {
	}

	/** The first SMS to {@code mobile} whose text contains {@code marker}. */
	public static Optional<SmsMessage> awaitSms(DevelopmentSmsOutbox outbox, String mobile, String marker) {
		return await(() -> outbox.messages()
			.stream()
			.map(DevelopmentSmsOutbox.Delivered::message)
			.filter((m) -> m.to().equals(mobile) && m.text().contains(marker))
			.findFirst());
	}

	/** The first e-mail to {@code to} whose text contains {@code marker}. */
	public static Optional<EmailMessage> awaitEmail(DevelopmentEmailOutbox outbox, String to, String marker) {
		return await(() -> outbox.messages()
			.stream()
			.map(DevelopmentEmailOutbox.Delivered::message)
			.filter((m) -> m.to().equals(to) && m.text().contains(marker))
			.findFirst());
	}

	private static <T> Optional<T> await(Supplier<Optional<T>> probe) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (Instant.now().isBefore(deadline)) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return Optional.empty();
	}

}
