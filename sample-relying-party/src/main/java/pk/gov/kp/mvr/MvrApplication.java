package pk.gov.kp.mvr;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The Motor Vehicle Registration department service: a sample relying party of Khyber
 * Pass built only on the Khyber Pass Spring Boot starter.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MvrApplication {

	/**
	 * Starts the service.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(MvrApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
