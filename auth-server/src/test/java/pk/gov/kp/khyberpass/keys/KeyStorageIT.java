package pk.gov.kp.khyberpass.keys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWK;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signing key storage and rotation against real PostgreSQL, in a schema of its own built
 * by the Flyway migrations, with several {@link SigningKeys} instances standing for
 * several nodes.
 */
class KeyStorageIT {

	private static final Logger log = LoggerFactory.getLogger(KeyStorageIT.class);

	private static final String URL = env("KHYBERPASS_IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	private static final String USER = env("KHYBERPASS_IT_POSTGRES_USER", "postgres");

	private static final String PASSWORD = env("KHYBERPASS_IT_POSTGRES_PASSWORD", "");

	private static final String SCHEMA = "keys_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static DriverManagerDataSource database;

	private static Flyway flyway;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00.123456789Z"));

	@BeforeAll
	static void createSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + SCHEMA);
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("KHYBERPASS_IT_REQUIRED"))) {
				fail("PostgreSQL at " + URL + " is required (KHYBERPASS_IT_REQUIRED=true) but unreachable", ex);
			}
			String reason = "KeyStorageIT skipped: PostgreSQL at " + URL + " is unreachable (" + ex.getMessage() + ")";
			log.warn(reason);
			assumeTrue(false, reason);
		}
		database = new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, USER,
				PASSWORD);
		flyway = Flyway.configure()
			.dataSource(database)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.locations("classpath:db/migration")
			.load();
		flyway.migrate();
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (database == null) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
		}
	}

	@BeforeEach
	void deleteKeys() {
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("DELETE FROM signing_key").update();
		jdbc.sql("DELETE FROM signing_key_authority").update();
	}

	@Test
	void migrateWhenAppliedThenSigningKeyMigrationSucceeded() {
		assertThat(flyway.info().applied()).anySatisfy((migration) -> {
			assertThat(migration.getVersion().getVersion()).isEqualTo("2");
			assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS);
		});
	}

	@Test
	void startWhenStoredThenAnotherNodeLoadsTheSameKeysAndVerifiesTheFirstNodesTokens() throws Exception {
		TestKeyNode first = TestKeyNode.started(database, this.clock);
		TestKeyNode second = TestKeyNode.started(database, this.clock);

		String token = first.encoder()
			.encode(JwtEncoderParameters.from(JwtClaimsSet.builder().subject("s").build()))
			.getTokenValue();

		assertThat(second.keys.list()).hasSize(4);
		assertThat(kids(second)).containsExactlyInAnyOrderElementsOf(kids(first));
		assertThat(KeysConfiguration.createJwtDecoder(new KeysConfiguration().jwkSource(second.keys), this.clock)
			.decode(token)
			.getSubject()).isEqualTo("s");
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			assertThat(second.keys.active(algorithm).kid()).isEqualTo(first.keys.active(algorithm).kid());
		}
	}

	@Test
	void startWhenTwoNodesStartTogetherThenOneActiveAndOneNextKeyPerAlgorithm() throws Exception {
		TestKeyNode first = TestKeyNode.on(database, this.clock);
		TestKeyNode second = TestKeyNode.on(database, this.clock);

		together(() -> {
			first.keys.start();
			return null;
		}, () -> {
			second.keys.start();
			return null;
		});

		assertThat(first.keys.list()).hasSize(4);
		assertThat(JdbcClient.create(database)
			.sql("SELECT COUNT(*) FROM signing_key_authority")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertOneActiveAndOneNextPerAlgorithm(first);
	}

	@Test
	void rotateWhenTwoNodesRotateTogetherThenRotatedOnce() throws Exception {
		TestKeyNode first = TestKeyNode.started(database, this.clock);
		TestKeyNode second = TestKeyNode.started(database, this.clock);

		List<Optional<SigningKeyRotated>> results = together(() -> first.keys.rotate(SigningAlgorithm.ES256),
				() -> second.keys.rotate(SigningAlgorithm.ES256));

		assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(first.keys.list()).filteredOn((key) -> key.algorithm() == SigningAlgorithm.ES256)
			.extracting(SigningKey::state)
			.containsExactlyInAnyOrder(SigningKeyState.ACTIVE, SigningKeyState.NEXT, SigningKeyState.RETIRING);
		assertOneActiveAndOneNextPerAlgorithm(first);
		assertThat(first.keys.active(SigningAlgorithm.ES256).kid())
			.isEqualTo(second.keys.active(SigningAlgorithm.ES256).kid());
	}

	@Test
	void maintainWhenRotationDueOnTwoNodesTogetherThenEachAlgorithmRotatedOnce() throws Exception {
		TestKeyNode first = TestKeyNode.started(database, this.clock);
		TestKeyNode second = TestKeyNode.started(database, this.clock);
		this.clock.advance(Duration.ofDays(31));

		together(() -> {
			first.keys.maintain();
			return null;
		}, () -> {
			second.keys.maintain();
			return null;
		});

		List<SigningKeyRotated> rotations = new ArrayList<>(first.events(SigningKeyRotated.class));
		rotations.addAll(second.events(SigningKeyRotated.class));
		assertThat(rotations).extracting(SigningKeyRotated::algorithm)
			.containsExactlyInAnyOrder(SigningAlgorithm.ES256, SigningAlgorithm.RS256);
		assertOneActiveAndOneNextPerAlgorithm(first);
	}

	@Test
	void maintainWhenRetentionPassedThenRetiredOnceAndTimesKeptToTheMicrosecond() throws Exception {
		TestKeyNode first = TestKeyNode.started(database, this.clock);
		TestKeyNode second = TestKeyNode.started(database, this.clock);
		SigningKeyRotated rotated = first.keys.rotate(SigningAlgorithm.RS256).orElseThrow();
		SigningKey retiring = first.keys.list()
			.stream()
			.filter((key) -> key.kid().equals(rotated.retiringKid()))
			.findFirst()
			.orElseThrow();
		this.clock.advance(Duration.ofHours(25));

		together(() -> {
			first.keys.maintain();
			return null;
		}, () -> {
			second.keys.maintain();
			return null;
		});

		assertThat(retiring.retireAfter()).isEqualTo(rotated.retireAfter());
		assertThat(retiring.retiringAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
		List<SigningKeyRetired> retired = new ArrayList<>(first.events(SigningKeyRetired.class));
		retired.addAll(second.events(SigningKeyRetired.class));
		assertThat(retired).extracting(SigningKeyRetired::kid).containsExactly(rotated.retiringKid());
		assertThat(kids(second)).doesNotContain(rotated.retiringKid()).contains(rotated.activeKid());
	}

	@Test
	void refreshWhenAnotherNodeRotatedThenNewActiveKeyPickedUp() {
		TestKeyNode first = TestKeyNode.started(database, this.clock);
		TestKeyNode second = TestKeyNode.started(database, this.clock);
		SigningKeyRotated rotated = first.keys.rotate(SigningAlgorithm.ES256).orElseThrow();

		second.keys.refresh();

		assertThat(second.keys.active(SigningAlgorithm.ES256).kid()).isEqualTo(rotated.activeKid());
		assertThat(kids(second)).contains(rotated.nextKid(), rotated.retiringKid());
	}

	private static void assertOneActiveAndOneNextPerAlgorithm(TestKeyNode node) {
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			assertThat(node.keys.list()).filteredOn((key) -> key.algorithm() == algorithm)
				.filteredOn((key) -> key.state() == SigningKeyState.ACTIVE || key.state() == SigningKeyState.NEXT)
				.extracting(SigningKey::state)
				.containsExactlyInAnyOrder(SigningKeyState.ACTIVE, SigningKeyState.NEXT);
		}
	}

	private static List<String> kids(TestKeyNode node) {
		return node.keys.published().getKeys().stream().map(JWK::getKeyID).toList();
	}

	@SafeVarargs
	private static <T> List<T> together(Callable<T>... tasks) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(tasks.length);
		try {
			CyclicBarrier barrier = new CyclicBarrier(tasks.length);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(executor.submit(() -> {
					barrier.await(10, TimeUnit.SECONDS);
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
