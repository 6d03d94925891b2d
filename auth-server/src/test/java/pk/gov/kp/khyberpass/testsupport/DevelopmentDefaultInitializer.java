package pk.gov.kp.khyberpass.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The development default as the README's run command starts it (embedded H2, in-process
 * stand-ins for Redis, servlet-container sessions), with an in-memory database, a
 * throw-away master key file and the integration seed, on a free port.
 */
public final class DevelopmentDefaultInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path keyDirectory = Files.createTempDirectory("khyberpass-dev");
			TestPropertyValues.of("server.port=" + port, "khyberpass.oidc.issuer=http://localhost:" + port,
					"spring.datasource.url=jdbc:h2:mem:dev" + port
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"khyberpass.keys.master-key=",
					"khyberpass.keys.master-key-file=" + keyDirectory.resolve("master.key"),
					"khyberpass.seed=classpath:seed/integration.yml", "khyberpass.seed-print-credentials=false")
				.applyTo(context);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
