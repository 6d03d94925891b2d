package pk.gov.kp.khyberpass.session;

import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Durable back-channel logout delivery, run against one database by
 * {@link BackchannelLogoutDeliveryTests} (H2 in PostgreSQL mode, the development default)
 * and {@link BackchannelLogoutDeliveryIT} (PostgreSQL).
 */
abstract class BackchannelLogoutDeliveryScenarios {

	static final String LOGOUT_TOKEN = "eyJ0eXAiOiJsb2dvdXQrand0In0.eyJzaWQiOiJzIn0.c2lnbmF0dXJl";

	private final List<AutoCloseable> closeAtEnd = new java.util.ArrayList<>();

	/** A database with the Flyway migrations applied and no pending deliveries. */
	abstract DataSource dataSource();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeAtEnd) {
			closeable.close();
		}
	}

	@Test
	void sendWhenDepartmentUpThenDeliveredAndRowDeleted() throws Exception {
		DepartmentStub department = keep(DepartmentStub.down().up());
		BackchannelLogoutDelivery node = started(DeliveryNodes.fast(5));

		node.send("it-department", department.endpoint(), LOGOUT_TOKEN);

		assertThat(department.accepted().poll(10, TimeUnit.SECONDS)).isEqualTo(LOGOUT_TOKEN);
		await().atMost(Duration.ofSeconds(5)).until(() -> DeliveryNodes.pending(dataSource()) == 0);
		assertThat(department.requests()).isEqualTo(1);
	}

	@Test
	void sendWhenDepartmentDownForFirstAttemptsThenDeliveredWhenItComesUp() throws Exception {
		DepartmentStub department = keep(DepartmentStub.down());
		BackchannelLogoutDelivery node = started(DeliveryNodes.fast(6));

		node.send("it-department", department.endpoint(), LOGOUT_TOKEN);
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts() >= 3);
		department.up();

		assertThat(department.accepted().poll(15, TimeUnit.SECONDS)).isEqualTo(LOGOUT_TOKEN);
		await().atMost(Duration.ofSeconds(5)).until(() -> DeliveryNodes.pending(dataSource()) == 0);
	}

	@Test
	void sendWhenDepartmentNeverAcceptsThenGivenUpAfterLastAttemptAndRowDeleted() {
		DepartmentStub department = keep(DepartmentStub.down().answering(503).up());
		BackchannelLogoutDelivery node = started(DeliveryNodes.fast(3));

		node.send("it-department", department.endpoint(), LOGOUT_TOKEN);

		await().atMost(Duration.ofSeconds(15)).until(() -> DeliveryNodes.pending(dataSource()) == 0);
		assertThat(department.requests()).isEqualTo(3);
		assertThat(department.accepted()).isEmpty();
	}

	@Test
	void sendWhenDepartmentNeverAnswersThenReturnsAtOnceAndDeliveryStaysPending() throws Exception {
		ServerSocket silent = keep(new ServerSocket(0));
		BackchannelLogoutDelivery node = started(new BackchannelLogoutProperties(Duration.ofSeconds(5), 5,
				Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofMillis(100)));

		assertTimeoutPreemptively(Duration.ofMillis(1000), () -> node.send("it-department",
				URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/backchannel"), LOGOUT_TOKEN));

		assertThat(DeliveryNodes.pending(dataSource())).isEqualTo(1);
	}

	@Test
	void pendingDeliveryWhenFirstNodeStopsThenAnotherNodeDeliversIt() throws Exception {
		DepartmentStub department = keep(DepartmentStub.down());
		BackchannelLogoutDelivery first = started(DeliveryNodes.fast(8));
		first.send("it-department", department.endpoint(), LOGOUT_TOKEN);
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts() >= 2);

		first.stop();
		department.up();
		long pendingAfterFirstStopped = DeliveryNodes.pending(dataSource());
		BackchannelLogoutDelivery second = started(DeliveryNodes.fast(8));

		assertThat(pendingAfterFirstStopped).isEqualTo(1);
		assertThat(department.accepted().poll(20, TimeUnit.SECONDS)).isEqualTo(LOGOUT_TOKEN);
		await().atMost(Duration.ofSeconds(5)).until(() -> DeliveryNodes.pending(dataSource()) == 0);
		assertThat(second.isRunning()).isTrue();
		assertThat(first.isRunning()).isFalse();
	}

	@Test
	void pendingDeliveryWhenNodeStoppedAndStartedAgainThenDelivered() throws Exception {
		DepartmentStub department = keep(DepartmentStub.down());
		BackchannelLogoutDelivery node = started(DeliveryNodes.fast(8));
		node.send("it-department", department.endpoint(), LOGOUT_TOKEN);
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts() >= 2);

		node.stop();
		department.up();
		node.start();

		assertThat(department.accepted().poll(20, TimeUnit.SECONDS)).isEqualTo(LOGOUT_TOKEN);
		await().atMost(Duration.ofSeconds(5)).until(() -> DeliveryNodes.pending(dataSource()) == 0);
	}

	@Test
	void claimDueWhenAnotherNodeHoldsTheRowThenSkippedWithoutWaiting() throws Exception {
		PendingLogoutRepository repository = DeliveryNodes.repository(dataSource());
		repository.add("it-department", URI.create("http://127.0.0.1:9/backchannel"), LOGOUT_TOKEN, Duration.ZERO);
		Thread.sleep(5);

		try (Connection otherNode = dataSource().getConnection()) {
			otherNode.setAutoCommit(false);
			try (Statement statement = otherNode.createStatement();
					ResultSet locked = statement
						.executeQuery("SELECT id FROM backchannel_logout_delivery FOR UPDATE")) {
				assertThat(locked.next()).isTrue();
				List<PendingLogout> whileLocked = assertTimeoutPreemptively(Duration.ofSeconds(5),
						() -> repository.claimDue(10, (attempt) -> Duration.ofSeconds(10)));
				assertThat(whileLocked).isEmpty();
			}
			otherNode.rollback();
		}

		List<PendingLogout> afterRelease = repository.claimDue(10, (attempt) -> Duration.ofSeconds(10));
		assertThat(afterRelease).singleElement().satisfies((logout) -> {
			assertThat(logout.attempt()).isEqualTo(2);
			assertThat(logout.logoutToken()).isEqualTo(LOGOUT_TOKEN);
			assertThat(logout.toString()).doesNotContain(LOGOUT_TOKEN);
		});
		assertThat(repository.claimDue(10, (attempt) -> Duration.ofSeconds(10))).as("leased").isEmpty();
	}

	private int attempts() {
		return JdbcClient.create(dataSource())
			.sql("SELECT COALESCE(MAX(attempts), 0) FROM backchannel_logout_delivery")
			.query(Integer.class)
			.single();
	}

	private BackchannelLogoutDelivery started(BackchannelLogoutProperties properties) {
		BackchannelLogoutDelivery node = DeliveryNodes.node(dataSource(), properties);
		node.start();
		this.closeAtEnd.add(node::stop);
		return node;
	}

	private <T extends AutoCloseable> T keep(T closeable) {
		this.closeAtEnd.add(closeable);
		return closeable;
	}

}
