package pk.gov.kp.khyberpass;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The Khyber Pass OpenID Provider.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KhyberPassApplication {

	public static void main(String[] args) {
		SpringApplication.run(KhyberPassApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

}
