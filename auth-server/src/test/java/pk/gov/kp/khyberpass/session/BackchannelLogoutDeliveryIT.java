package pk.gov.kp.khyberpass.session;

import java.security.SecureRandom;
import java.util.HexFormat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import pk.gov.kp.khyberpass.testsupport.RealServers;
import pk.gov.kp.khyberpass.testsupport.RealServersCondition;

/**
 * Back-channel logout delivery on real PostgreSQL, with "nodes" that are separate
 * delivery beans over one schema of this class's own (so the application's own poller, in
 * other tests, never takes these rows).
 */
@ExtendWith(RealServersCondition.class)
class BackchannelLogoutDeliveryIT extends BackchannelLogoutDeliveryScenarios {

	private static final String SCHEMA = "it_slo_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5));

	private static HikariDataSource dataSource;

	@BeforeAll
	static void createSchema() {
		dataSource = new HikariDataSource();
		String separator = RealServers.POSTGRES_URL.contains("?") ? "&" : "?";
		dataSource.setJdbcUrl(RealServers.POSTGRES_URL + separator + "currentSchema=" + SCHEMA);
		dataSource.setUsername(RealServers.POSTGRES_USER);
		dataSource.setMaximumPoolSize(8);
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.locations("classpath:db/migration")
			.load()
			.migrate();
	}

	@AfterAll
	static void dropSchema() {
		if (dataSource != null) {
			JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
			dataSource.close();
		}
	}

	@BeforeEach
	void empty() {
		JdbcClient.create(dataSource).sql("DELETE FROM backchannel_logout_delivery").update();
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
