package pk.gov.kp.khyberpass.session;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Back-channel logout delivery on H2 in PostgreSQL mode, the development default: the
 * same SQL, including {@code FOR UPDATE SKIP LOCKED}, runs there.
 */
class BackchannelLogoutDeliveryTests extends BackchannelLogoutDeliveryScenarios {

	private DataSource dataSource;

	@BeforeEach
	void migrate() {
		this.dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
				"");
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
	}

	@Override
	DataSource dataSource() {
		return this.dataSource;
	}

}
