package pk.gov.kp.khyberpass.notify;

/**
 * The port to the outside world that delivers e-mail to citizens. Chosen with
 * {@code khyberpass.notify.email}: {@code outbox} (development default, nothing leaves
 * the process) or {@code http} (a mail relay).
 */
public interface EmailGateway {

	/**
	 * Hands a message over for delivery.
	 * @param message the recipient, subject and text
	 * @throws EmailDeliveryException if the relay did not accept the message
	 */
	void send(EmailMessage message);

}
