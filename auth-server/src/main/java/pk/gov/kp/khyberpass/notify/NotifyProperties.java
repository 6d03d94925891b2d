package pk.gov.kp.khyberpass.notify;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings.
 *
 * @param sms which SMS adapter delivers messages
 * @param smsHttp the HTTP SMS gateway, required when {@code sms} is {@code http}
 * @param email which e-mail adapter delivers messages
 * @param emailHttp the HTTP mail relay, required when {@code email} is {@code http}
 */
@Validated
@ConfigurationProperties("khyberpass.notify")
public record NotifyProperties(@DefaultValue("outbox") Adapter sms, @DefaultValue RelayHttp smsHttp,
		@DefaultValue("outbox") Adapter email, @DefaultValue RelayHttp emailHttp) {

	/** The adapters of a notification port. */
	public enum Adapter {

		/**
		 * In-memory development outbox, shown on {@code /dev/sms-outbox} or
		 * {@code /dev/email-outbox}.
		 */
		OUTBOX,

		/** The HTTP relay (SMS gateway or mail relay). */
		HTTP

	}

	/**
	 * An HTTP relay messages are posted to.
	 *
	 * @param endpoint the URL messages are posted to
	 * @param apiKey the bearer API key (no default: a secret)
	 * @param timeout connect and response time-out
	 */
	public record RelayHttp(@Nullable URI endpoint, @Nullable String apiKey, @DefaultValue("5s") Duration timeout) {
	}

}
