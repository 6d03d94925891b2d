package pk.gov.kp.khyberpass.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Points one test application context at real PostgreSQL (a fresh schema of its own,
 * built by the Flyway migrations) and real Redis (a key prefix of its own), with a fresh
 * master key, the production profile's wiring and the integration seed file. The schema
 * is dropped when the context closes.
 */
public final class RealServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		SecureRandom random = new SecureRandom();
		String schema = "it_" + HexFormat.of().formatHex(random.generateSeed(6));
		byte[] masterKey = new byte[32];
		random.nextBytes(masterKey);
		execute("CREATE SCHEMA " + schema);
		String separator = RealServers.POSTGRES_URL.contains("?") ? "&" : "?";
		int port = freePort();
		TestPropertyValues.of("server.port=" + port, "khyberpass.oidc.issuer=http://localhost:" + port,
				"spring.datasource.url=" + RealServers.POSTGRES_URL + separator + "currentSchema=" + schema,
				"spring.datasource.username=" + RealServers.POSTGRES_USER, "spring.datasource.password=",
				"spring.datasource.hikari.maximum-pool-size=5", "spring.flyway.schemas=" + schema,
				"spring.flyway.default-schema=" + schema, "spring.data.redis.url=" + RealServers.REDIS_URL,
				"spring.autoconfigure.exclude=", "khyberpass.ephemeral.store=redis",
				"khyberpass.ephemeral.key-prefix=" + schema + ":", "spring.session.data.redis.repository-type=indexed",
				"spring.session.data.redis.namespace=" + schema + ":session",
				"khyberpass.keys.master-key=" + Base64.getEncoder().encodeToString(masterKey),
				"khyberpass.keys.master-key-file=", "khyberpass.seed=classpath:seed/integration.yml",
				"khyberpass.seed-print-credentials=false")
			.applyTo(context);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent) {
				execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		});
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(RealServers.POSTGRES_URL, RealServers.POSTGRES_USER,
				""); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare PostgreSQL for the integration tests: " + ex.getMessage(),
					ex);
		}
	}

}
