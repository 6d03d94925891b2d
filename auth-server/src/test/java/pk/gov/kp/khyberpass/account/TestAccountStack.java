package pk.gov.kp.khyberpass.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import pk.gov.kp.khyberpass.account.password.HashingCost;
import pk.gov.kp.khyberpass.account.password.PasswordHasher;
import pk.gov.kp.khyberpass.cnic.CnicProtector;
import pk.gov.kp.khyberpass.keys.MasterKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account feature wired by hand over a data source, as {@code AccountConfiguration}
 * wires it.
 */
record TestAccountStack(JdbcClient jdbc, CnicProtector cnicProtector, PasswordHasher hasher,
		AccountRepository repository, AccountService service) {

	static TestAccountStack on(DataSource dataSource, HashingCost cost) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) 42);
		SecureRandom random = new SecureRandom();
		CnicProtector protector = new CnicProtector(new MasterKey(key, random));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		PasswordHasher hasher = new PasswordHasher(cost, random);
		AccountRepository repository = new AccountRepository(jdbc, protector);
		AccountService service = new AccountService(repository, hasher,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(), random);
		return new TestAccountStack(jdbc, protector, hasher, repository, service);
	}

	/** A fresh in-memory H2 database in PostgreSQL mode with every migration applied. */
	static DataSource migratedH2() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

	CitizenAuthenticationProvider authenticationProvider() {
		return new CitizenAuthenticationProvider(this.repository, this.hasher, Clock.systemUTC(), new SecureRandom());
	}

}
