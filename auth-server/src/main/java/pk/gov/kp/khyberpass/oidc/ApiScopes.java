package pk.gov.kp.khyberpass.oidc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * The registry of department API scopes and their consent descriptions
 * ({@code api_scope}). The consent page and the connected-departments page read it on
 * every view, so a change shows on every node at once. The admin API's callers audit
 * their changes; the seed file's changes are audited here, with {@code system} as actor.
 */
@Service
public final class ApiScopes {

	/** Who changed a scope registered by the seed file. */
	public static final String SEED = "seed";

	private static final Logger log = LoggerFactory.getLogger(ApiScopes.class);

	private static final String COLUMNS = "name, description_en, description_ur, description_ps, updated_at, "
			+ "updated_by";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiScopes(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Every registered API scope, by name. */
	public List<RegisteredApiScope> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_scope ORDER BY name").query(ApiScopes::row).list();
	}

	/** The API scope registered as {@code name}. */
	public Optional<RegisteredApiScope> find(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_scope WHERE name = ?")
			.param(name)
			.query(ApiScopes::row)
			.optional();
	}

	/**
	 * The registered scopes among {@code names}, by name; names that are not API scopes
	 * are skipped.
	 */
	public Map<String, ApiScope> describedAmong(Collection<String> names) {
		List<String> candidates = names.stream().filter(ApiScope::isApiScopeName).distinct().toList();
		if (candidates.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_scope WHERE name IN (:names)")
			.param("names", candidates)
			.query(ApiScopes::row)
			.list()
			.stream()
			.map(RegisteredApiScope::scope)
			.collect(Collectors.toUnmodifiableMap(ApiScope::name, Function.identity()));
	}

	/**
	 * Creates the scope, or replaces its descriptions, recording who did it and when.
	 * @param changedBy an administrator's account id, or {@link #SEED}
	 * @return what it was before, empty if it is new
	 */
	public Optional<ApiScope> put(ApiScope scope, String changedBy) {
		Optional<ApiScope> before = find(scope.name()).map(RegisteredApiScope::scope);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (update(scope, now, changedBy) == 0) {
			try {
				this.jdbc.sql("INSERT INTO api_scope (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
					.params(scope.name(), scope.descriptionEn(), scope.descriptionUr(), scope.descriptionPs(), now,
							changedBy)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another node created it a moment ago (several nodes seeding at once):
				// this write comes last
				update(scope, now, changedBy);
			}
		}
		log.info("API scope {} {} by {}", scope.name(), before.isPresent() ? "changed" : "registered", changedBy);
		return before;
	}

	/**
	 * Deletes the scope: the consent page shows its name again. Clients holding it keep
	 * it.
	 * @return whether there was such a scope
	 */
	public boolean delete(String name) {
		boolean deleted = this.jdbc.sql("DELETE FROM api_scope WHERE name = ?").param(name).update() > 0;
		if (deleted) {
			log.info("API scope {} deleted", name);
		}
		return deleted;
	}

	/**
	 * Registers the seed file's scope unless it is already registered with the same
	 * descriptions (so restarts leave who and when alone), and audits a change with
	 * {@code system} as actor.
	 * @return whether anything changed
	 */
	public boolean seed(ApiScope scope) {
		Optional<ApiScope> current = find(scope.name()).map(RegisteredApiScope::scope);
		if (current.isPresent() && current.get().equals(scope)) {
			return false;
		}
		Optional<ApiScope> before = put(scope, SEED);
		AuditEvent event = before
			.map((previous) -> new AuditEvent(AuditEventType.API_SCOPE_UPDATED, AuditEvent.SYSTEM, scope.name(), null,
					this.clock.instant(),
					Map.of("changed", String.join(" ", scope.changedFrom(previous)), "source", SEED)))
			.orElseGet(() -> new AuditEvent(AuditEventType.API_SCOPE_CREATED, AuditEvent.SYSTEM, scope.name(), null,
					this.clock.instant(), Map.of("languages", String.join(" ", scope.languages()), "source", SEED)));
		this.events.publishEvent(event);
		return true;
	}

	private int update(ApiScope scope, OffsetDateTime now, String changedBy) {
		return this.jdbc
			.sql("UPDATE api_scope SET description_en = ?, description_ur = ?, description_ps = ?, updated_at = ?, "
					+ "updated_by = ? WHERE name = ?")
			.params(scope.descriptionEn(), scope.descriptionUr(), scope.descriptionPs(), now, changedBy, scope.name())
			.update();
	}

	private static RegisteredApiScope row(ResultSet rs, int rowNumber) throws SQLException {
		ApiScope scope = new ApiScope(rs.getString("name"), rs.getString("description_en"),
				rs.getString("description_ur"), rs.getString("description_ps"));
		Instant updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
		return new RegisteredApiScope(scope, updatedAt, rs.getString("updated_by"));
	}

}
