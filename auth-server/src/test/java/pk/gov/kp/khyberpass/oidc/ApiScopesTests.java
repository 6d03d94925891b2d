package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API scope registry on the development default's database (H2 in PostgreSQL mode,
 * built by the same migrations); the integration tests run it on PostgreSQL.
 */
class ApiScopesTests {

	private static final ApiScope VEHICLES = new ApiScope("vehicles.read", "Your vehicles", "آپ کی گاڑیاں", null);

	private final List<Object> events = new ArrayList<>();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

	private ApiScopes scopes;

	@BeforeEach
	void setUp() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
				"");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.scopes = new ApiScopes(JdbcClient.create(dataSource), this.events::add, this.clock);
	}

	@Test
	void putWhenNewThenStoredWithChangerAndTimeAndNothingBefore() {
		assertThat(this.scopes.put(VEHICLES, "admin-1")).isEmpty();

		RegisteredApiScope stored = this.scopes.find("vehicles.read").orElseThrow();
		assertThat(stored.scope()).isEqualTo(VEHICLES);
		assertThat(stored.updatedBy()).isEqualTo("admin-1");
		assertThat(stored.updatedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
		assertThat(this.events).isEmpty();
	}

	@Test
	void putWhenExistingThenReplacedAndPreviousReturned() {
		this.scopes.put(VEHICLES, "admin-1");
		this.clock.advance(java.time.Duration.ofMinutes(5));
		ApiScope reworded = new ApiScope("vehicles.read", "Your vehicles", null, "ستاسو ګاډي");

		assertThat(this.scopes.put(reworded, "admin-2")).contains(VEHICLES);

		RegisteredApiScope stored = this.scopes.find("vehicles.read").orElseThrow();
		assertThat(stored.scope().descriptionUr()).isNull();
		assertThat(stored.scope().descriptionPs()).isEqualTo("ستاسو ګاډي");
		assertThat(stored.updatedBy()).isEqualTo("admin-2");
		assertThat(stored.updatedAt()).isEqualTo(Instant.parse("2026-11-20T10:05:00Z"));
	}

	@Test
	void describedAmongWhenSomeRegisteredThenOnlyThoseByName() {
		this.scopes.put(VEHICLES, "admin-1");
		this.scopes.put(new ApiScope("registry.read", "Your registry entries", null, null), "admin-1");

		assertThat(this.scopes.describedAmong(List.of("openid", "profile", "vehicles.read", "fines.read")))
			.containsOnlyKeys("vehicles.read");
		assertThat(this.scopes.describedAmong(List.of("openid", "profile"))).isEmpty();
		assertThat(this.scopes.list()).extracting((scope) -> scope.scope().name())
			.containsExactly("registry.read", "vehicles.read");
	}

	@Test
	void deleteWhenRegisteredThenGoneElseFalse() {
		this.scopes.put(VEHICLES, "admin-1");

		assertThat(this.scopes.delete("vehicles.read")).isTrue();
		assertThat(this.scopes.delete("vehicles.read")).isFalse();
		assertThat(this.scopes.find("vehicles.read")).isEmpty();
	}

	@Test
	void seedWhenNewChangedOrSameThenWritesAndAuditsOnlyChanges() {
		assertThat(this.scopes.seed(VEHICLES)).isTrue();
		this.clock.advance(java.time.Duration.ofHours(1));
		assertThat(this.scopes.seed(VEHICLES)).isFalse();
		assertThat(this.scopes.find("vehicles.read").orElseThrow().updatedAt())
			.isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
		assertThat(this.scopes.seed(new ApiScope("vehicles.read", "Vehicles in your name", "آپ کی گاڑیاں", null)))
			.isTrue();

		assertThat(this.scopes.find("vehicles.read").orElseThrow().updatedBy()).isEqualTo(ApiScopes.SEED);
		assertThat(this.events).map(AuditEvent.class::cast)
			.extracting(AuditEvent::type, AuditEvent::actor, AuditEvent::subject)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(AuditEventType.API_SCOPE_CREATED, "system", "vehicles.read"),
					org.assertj.core.groups.Tuple.tuple(AuditEventType.API_SCOPE_UPDATED, "system", "vehicles.read"));
		assertThat(((AuditEvent) this.events.get(0)).details()).containsEntry("languages", "en ur");
		assertThat(((AuditEvent) this.events.get(1)).details()).containsEntry("changed", "descriptionEn");
	}

}
