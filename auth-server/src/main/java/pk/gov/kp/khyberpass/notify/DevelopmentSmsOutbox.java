package pk.gov.kp.khyberpass.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development {@link SmsGateway}: keeps the last messages in memory instead of
 * sending them, for the {@code /dev/sms-outbox} page and for tests. Bounded, so a
 * long-running development server does not grow. Thread-safe.
 */
public final class DevelopmentSmsOutbox implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentSmsOutbox.class);

	/** How many messages are kept; older ones are dropped. */
	public static final int CAPACITY = BoundedOutbox.CAPACITY;

	private final BoundedOutbox<Delivered> messages = new BoundedOutbox<>();

	private final Clock clock;

	public DevelopmentSmsOutbox(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void send(SmsMessage message) {
		this.messages.add(new Delivered(message, this.clock.instant()));
		log.info("SMS to {} kept in the development outbox", message.maskedRecipient());
	}

	/** The kept messages, newest first. */
	public List<Delivered> messages() {
		return this.messages.items();
	}

	/** The newest message sent to {@code to} (E.164). */
	public Optional<SmsMessage> latestTo(String to) {
		return messages().stream().map(Delivered::message).filter((m) -> m.to().equals(to)).findFirst();
	}

	/**
	 * A message kept in the outbox.
	 *
	 * @param message the message
	 * @param sentAt when it was handed over
	 */
	public record Delivered(SmsMessage message, Instant sentAt) {
	}

}
