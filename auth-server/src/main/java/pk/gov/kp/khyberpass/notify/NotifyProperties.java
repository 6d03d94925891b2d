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
 */
@Validated
@ConfigurationProperties("khyberpass.notify")
public record NotifyProperties(@DefaultValue("outbox") SmsAdapter sms, @DefaultValue SmsHttp smsHttp) {

	/** The SMS adapters. */
	public enum SmsAdapter {

		/** In-memory development outbox, shown on {@code /dev/sms-outbox}. */
		OUTBOX,

		/** The HTTP SMS gateway. */
		HTTP

	}

	/**
	 * The HTTP SMS gateway.
	 *
	 * @param endpoint the URL messages are posted to
	 * @param apiKey the bearer API key (no default: a secret)
	 * @param timeout connect and response time-out
	 */
	public record SmsHttp(@Nullable URI endpoint, @Nullable String apiKey, @DefaultValue("5s") Duration timeout) {
	}

}
