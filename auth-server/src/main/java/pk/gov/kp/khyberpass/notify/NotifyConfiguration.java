package pk.gov.kp.khyberpass.notify;

import java.net.URI;
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
		NotifyProperties.RelayHttp http = properties.smsHttp();
		return new HttpSmsGateway(client(http, "khyberpass.notify.sms=http", "sms-http"), endpoint(http), apiKey(http),
				http.timeout());
	}

	@Bean
	@ConditionalOnProperty(name = "khyberpass.notify.email", havingValue = "outbox", matchIfMissing = true)
	DevelopmentEmailOutbox developmentEmailOutbox(Clock clock) {
		return new DevelopmentEmailOutbox(clock);
	}

	@Bean
	@ConditionalOnProperty(name = "khyberpass.notify.email", havingValue = "http")
	EmailGateway httpEmailGateway(NotifyProperties properties) {
		NotifyProperties.RelayHttp http = properties.emailHttp();
		return new HttpEmailGateway(client(http, "khyberpass.notify.email=http", "email-http"), endpoint(http),
				apiKey(http), http.timeout());
	}

	private static HttpClient client(NotifyProperties.RelayHttp http, String choice, String prefix) {
		if (http.endpoint() == null || http.apiKey() == null || http.apiKey().isBlank()) {
			throw new IllegalStateException(choice + " needs khyberpass.notify." + prefix + ".endpoint and api-key");
		}
		return HttpClient.newBuilder().connectTimeout(http.timeout()).build();
	}

	private static URI endpoint(NotifyProperties.RelayHttp http) {
		URI endpoint = http.endpoint();
		if (endpoint == null) {
			throw new IllegalStateException("No endpoint");
		}
		return endpoint;
	}

	private static String apiKey(NotifyProperties.RelayHttp http) {
		String apiKey = http.apiKey();
		if (apiKey == null) {
			throw new IllegalStateException("No API key");
		}
		return apiKey;
	}

}
