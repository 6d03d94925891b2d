package pk.gov.kp.khyberpass.notify;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, NotifyConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void defaultsWhenNothingSetThenBothDevelopmentOutboxes() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SmsGateway.class).hasSingleBean(DevelopmentSmsOutbox.class);
			assertThat(context).hasSingleBean(EmailGateway.class).hasSingleBean(DevelopmentEmailOutbox.class);
		});
	}

	@Test
	void emailWhenHttpWithEndpointAndKeyThenMailRelayAndNoOutbox() {
		this.runner
			.withPropertyValues("khyberpass.notify.email=http",
					"khyberpass.notify.email-http.endpoint=https://mail-relay.example.test/v1/messages",
					"khyberpass.notify.email-http.api-key=relay-key")
			.run((context) -> {
				assertThat(context.getBean(EmailGateway.class)).isInstanceOf(HttpEmailGateway.class);
				assertThat(context).doesNotHaveBean(DevelopmentEmailOutbox.class);
			});
	}

	@Test
	void emailWhenHttpWithoutKeyThenStartupFails() {
		this.runner
			.withPropertyValues("khyberpass.notify.email=http",
					"khyberpass.notify.email-http.endpoint=https://mail-relay.example.test/v1/messages")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("khyberpass.notify.email-http.endpoint and api-key"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(NotifyProperties.class)
	static class Properties {

	}

}
