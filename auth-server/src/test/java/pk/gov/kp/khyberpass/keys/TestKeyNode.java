package pk.gov.kp.khyberpass.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One simulated auth-server node over a shared database: its {@link SigningKeys}, encoder
 * and the events it published. Several nodes over one database behave like several
 * processes.
 */
final class TestKeyNode {

	static final KeysProperties PROPERTIES = new KeysProperties(null, null, Duration.ofDays(30), Duration.ofHours(25),
			Duration.ofSeconds(30));

	static final MasterKey MASTER_KEY = new MasterKey(new byte[32], new SecureRandom());

	final SigningKeys keys;

	final List<Object> events = new CopyOnWriteArrayList<>();

	final DataSource dataSource;

	private TestKeyNode(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
		this.keys = KeysConfiguration.create(JdbcClient.create(dataSource), new TransactionTemplate(transactions),
				MASTER_KEY, PROPERTIES, clock, new SecureRandom(), this.events::add);
	}

	/** A node that has not started yet. */
	static TestKeyNode on(DataSource dataSource, Clock clock) {
		return new TestKeyNode(dataSource, clock);
	}

	/** A node that has started (bootstrapped and loaded the keys). */
	static TestKeyNode started(DataSource dataSource, Clock clock) {
		TestKeyNode node = on(dataSource, clock);
		node.keys.start();
		return node;
	}

	SigningKeyJwtEncoder encoder() {
		return new SigningKeyJwtEncoder(this.keys);
	}

	<T> List<T> events(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * A fresh in-memory H2 database in PostgreSQL mode, migrated like the development
	 * default.
	 */
	static DataSource h2() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:keys-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
				"sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}
