package pk.gov.kp.khyberpass.account;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsOnH2Tests {

	@Test
	void migrateWhenH2InPostgresqlModeThenEveryMigrationSucceeds() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
				"");
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();

		flyway.migrate();

		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.info().applied()).extracting(MigrationInfo::getVersion)
			.extracting(Object::toString)
			.contains("1", "3");
		assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM accounts").query(Long.class).single())
			.isZero();
	}

}
