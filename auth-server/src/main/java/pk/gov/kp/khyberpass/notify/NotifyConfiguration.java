package pk.gov.kp.khyberpass.notify;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

	@Bean
	@ConditionalOnProperty(name = "khyberpass.notify.sms", havingValue = "outbox", matchIfMissing = true)
	DevelopmentSmsOutbox developmentSmsOutbox(Clock clock) {
		return new DevelopmentSmsOutbox(clock);
	}

	@Bean
	@ConditionalOnProperty(name = "khyberpass.notify.sms", havingValue = "http")
	SmsGateway httpSmsGateway(NotifyProperties properties) {
		NotifyProperties.SmsHttp http = properties.smsHttp();
		if (http.endpoint() == null || http.apiKey() == null || http.apiKey().isBlank()) {
			throw new IllegalStateException(
					"khyberpass.notify.sms=http needs khyberpass.notify.sms-http.endpoint and api-key");
		}
		return new HttpSmsGateway(HttpClient.newBuilder().connectTimeout(http.timeout()).build(), http.endpoint(),
				http.apiKey(), http.timeout());
	}

}
