package pk.gov.kp.khyberpass.session;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds back-channel logout "nodes" (delivery beans) over one database, with short
 * delays so that retries happen within a test.
 */
final class DeliveryNodes {

	private DeliveryNodes() {
	}

	/** One-second timeout, 200 ms first retry, polling every 100 ms. */
	static BackchannelLogoutProperties fast(int attempts) {
		return new BackchannelLogoutProperties(Duration.ofSeconds(1), attempts, Duration.ofMillis(200),
				Duration.ofMinutes(2), Duration.ofMillis(100));
	}

	static BackchannelLogoutDelivery node(DataSource dataSource, BackchannelLogoutProperties properties) {
		return new BackchannelLogoutDelivery(properties, JdbcClient.create(dataSource), transactions(dataSource),
				Clock.systemUTC());
	}

	static PendingLogoutRepository repository(DataSource dataSource) {
		return new PendingLogoutRepository(JdbcClient.create(dataSource), transactions(dataSource), Clock.systemUTC());
	}

	static TransactionTemplate transactions(DataSource dataSource) {
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Rows still pending. */
	static long pending(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM backchannel_logout_delivery")
			.query(Long.class)
			.single();
	}

}
