package pk.gov.kp.khyberpass.account;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.password.HashingCost;
import pk.gov.kp.khyberpass.cnic.Cnic;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The account storage against real PostgreSQL, in a schema of its own built by the Flyway
 * migrations.
 * <p>
 * The server comes from {@code KHYBERPASS_IT_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) and {@code KHYBERPASS_IT_POSTGRES_USER}
 * ({@code postgres}); when it is unreachable the class is skipped, unless
 * {@code KHYBERPASS_IT_REQUIRED=true}.
 */
class AccountRepositoryIT {

	private static final String URL = env("KHYBERPASS_IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	private static final String USER = env("KHYBERPASS_IT_POSTGRES_USER", "postgres");

	private static final String PASSWORD = env("KHYBERPASS_IT_POSTGRES_PASSWORD", "");

	private static final String SCHEMA = "it_accounts_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final String SKIP_REASON = "Skipping AccountRepositoryIT: PostgreSQL unreachable at " + URL;

	private static @Nullable DataSource dataSource;

	private TestAccountStack stack;

	@BeforeAll
	static void createSchema() {
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + SCHEMA);
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("KHYBERPASS_IT_REQUIRED"))) {
				fail("PostgreSQL is required (KHYBERPASS_IT_REQUIRED=true) but unreachable at " + URL, ex);
			}
			LoggerFactory.getLogger(AccountRepositoryIT.class).warn(SKIP_REASON);
			return;
		}
		dataSource = new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
				USER, PASSWORD);
		Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (dataSource == null) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
		}
	}

	@BeforeEach
	void setUp() {
		assumeTrue(dataSource != null, SKIP_REASON);
		this.stack = TestAccountStack.on(dataSource, HashingCost.BASELINE);
		this.stack.jdbc().sql("DELETE FROM accounts").update();
	}

	@Test
	void provisionWhenCalledTwiceThenOneAccountUpdatedInPlace() {
		AccountId first = this.stack.service().provision(TestAccounts.citizen().build());
		String hash = storedHash(first);

		AccountId second = this.stack.service()
			.provision(TestAccounts.citizen().fullName("Gul Khan Afridi").mobile("0345-7654321").build());

		assertThat(second).isEqualTo(first);
		assertThat(count()).isOne();
		Account account = this.stack.service().findById(first).orElseThrow();
		assertThat(account.fullName()).isEqualTo("Gul Khan Afridi");
		assertThat(account.mobile()).isEqualTo(MobileNumber.parse("+923457654321"));
		assertThat(storedHash(first)).isEqualTo(hash);
	}

	@Test
	void provisionWhenPasswordChangedThenPasswordChangedAtMoves() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());
		Instant before = this.stack.service().findById(id).orElseThrow().passwordChangedAt();

		this.stack.service().provision(TestAccounts.citizen().password("another long pass phrase").build());

		Account account = this.stack.service().findById(id).orElseThrow();
		assertThat(account.passwordChangedAt()).isAfterOrEqualTo(before);
		assertThat(this.stack.hasher().verify("another long pass phrase", storedHash(id))).isTrue();
	}

	@Test
	void insertWhenBlindIndexAlreadyStoredThenDuplicateKeyException() {
		this.stack.service().provision(TestAccounts.citizen().build());
		Instant now = Instant.now();
		Account duplicate = new Account(new AccountId(UUID.randomUUID()), Cnic.parse("1730112345675"), "Someone Else",
				LocalDate.of(1980, 1, 1), null, null, AccountStatus.ACTIVE, now, now, now, false);

		assertThatThrownBy(() -> this.stack.repository().insert(duplicate, "$argon2id$placeholder"))
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void insertWhenCalledThenCnicStoredOnlyEncryptedWithKeyId() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());

		String row = this.stack.jdbc()
			.sql("SELECT encode(cnic_ciphertext, 'escape') || cnic_blind_index || cnic_key_id || full_name FROM accounts WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.single();
		assertThat(row).doesNotContain("1730112345675").doesNotContain("1234567");
		assertThat(this.stack.jdbc().sql("SELECT cnic_key_id FROM accounts").query(String.class).single())
			.isEqualTo(this.stack.cnicProtector().keyId());
	}

	@Test
	void findByCnicAndMobileAndIdWhenStoredThenSameAccount() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());
		this.stack.service().provision(TestAccounts.citizen().cnic("42101-2222222-4").mobile(null).build());

		assertThat(this.stack.service().findByCnic(Cnic.parse("17301-1234567-5"))).map(Account::id).contains(id);
		assertThat(this.stack.service().findByMobile(MobileNumber.parse("0300 1234567"))).map(Account::id).contains(id);
		assertThat(this.stack.service().findById(id)).map(Account::cnic).contains(Cnic.parse("1730112345675"));
		assertThat(this.stack.service().findByCnic(Cnic.parse("42101-2222222-4")).orElseThrow().mobile()).isNull();
	}

	@Test
	void findByCnicWhenUnknownThenEmpty() {
		this.stack.service().provision(TestAccounts.citizen().build());

		assertThat(this.stack.service().findByCnic(Cnic.parse("61101-4444444-6"))).isEmpty();
	}

	@Test
	void updateWhenStatusNotInLookupThenRejectedByDatabase() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());

		assertThatThrownBy(() -> this.stack.jdbc()
			.sql("UPDATE accounts SET status = 'SUSPENDED' WHERE id = ?")
			.param(id.value())
			.update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	@Test
	void migrationsWhenAppliedThenSchemaIsAtLeastVersionThree() {
		assertThat(this.stack.jdbc()
			.sql("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(3);
		assertThat(SCHEMA.toLowerCase(Locale.ROOT)).startsWith("it_accounts_");
	}

	private String storedHash(AccountId id) {
		return this.stack.repository().findById(id).orElseThrow().passwordHash();
	}

	private long count() {
		return this.stack.jdbc().sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
