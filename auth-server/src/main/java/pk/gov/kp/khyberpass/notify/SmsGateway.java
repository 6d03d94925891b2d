package pk.gov.kp.khyberpass.notify;

/**
 * The port to the outside world that delivers text messages to citizens' phones. Chosen
 * with {@code khyberpass.notify.sms}: {@code outbox} (development default, nothing leaves
 * the process) or {@code http} (the government SMS gateway).
 */
public interface SmsGateway {

	/**
	 * Hands a message over for delivery.
	 * @param message the recipient and text
	 * @throws SmsDeliveryException if the gateway did not accept the message
	 */
	void send(SmsMessage message);

}
