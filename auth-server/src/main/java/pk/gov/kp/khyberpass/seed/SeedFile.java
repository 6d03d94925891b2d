package pk.gov.kp.khyberpass.seed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.boot.convert.DurationStyle;

import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.AssuranceLevels;
import pk.gov.kp.khyberpass.oidc.ClientJwks;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.InvalidApiScopeException;

/**
 * The start-up seed file ({@code KHYBERPASS_SEED}): department clients, citizens and the
 * consent descriptions of API scopes to create or update. Parsing is strict: an unknown
 * key, a wrong type or a bad value stops start-up with a message naming the entry,
 * because a silently ignored typo in a security setting is worse than a failed start.
 *
 * @param clients the department clients
 * @param citizens the citizens
 * @param apiScopes the department API scopes with their consent descriptions
 */
public record SeedFile(List<DepartmentClient> clients, List<SeedCitizen> citizens, List<ApiScope> apiScopes) {

	private static final Set<String> TOP_KEYS = Set.of("clients", "citizens", "api-scopes");

	private static final Set<String> API_SCOPE_KEYS = Set.of("name", "description-en", "description-ur",
			"description-ps");

	private static final Set<String> CLIENT_KEYS = Set.of("client-id", "client-name", "client-secret", "auth-method",
			"grant-types", "redirect-uris", "post-logout-redirect-uris", "scopes", "sector", "public-subject",
			"require-consent", "min-acr", "backchannel-logout-uri", "jwks-uri", "id-token-signing-alg",
			"refresh-token-lifetime", "audiences", "claims-allowed", "access-token-lifetime", "id-token-lifetime",
			"jwks");

	private static final Set<String> CITIZEN_KEYS = Set.of("cnic", "name", "birth-date", "mobile", "password",
			"totp-secret", "recovery-codes");

	/**
	 * Reads a seed file.
	 * @throws InvalidSeedException naming the entry and key at fault
	 */
	public static SeedFile parse(InputStream yaml, String source) {
		Object document;
		try {
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException ex) {
			throw new InvalidSeedException(source + ": not valid YAML: " + ex.getMessage());
		}
		if (document == null) {
			return new SeedFile(List.of(), List.of(), List.of());
		}
		Map<String, Object> top = map(document, source);
		requireKnownKeys(top, TOP_KEYS, source);
		List<DepartmentClient> clients = new ArrayList<>();
		int index = 0;
		for (Object entry : list(top.get("clients"), source + ": clients")) {
			clients.add(client(entry, source + ": clients[" + index++ + "]"));
		}
		List<SeedCitizen> citizens = new ArrayList<>();
		index = 0;
		for (Object entry : list(top.get("citizens"), source + ": citizens")) {
			citizens.add(citizen(entry, source + ": citizens[" + index++ + "]"));
		}
		List<ApiScope> apiScopes = new ArrayList<>();
		index = 0;
		for (Object entry : list(top.get("api-scopes"), source + ": api-scopes")) {
			String where = source + ": api-scopes[" + index++ + "]";
			ApiScope scope = apiScope(entry, where);
			if (apiScopes.stream().anyMatch((seen) -> seen.name().equals(scope.name()))) {
				throw new InvalidSeedException(where + " (name " + scope.name() + "): listed twice");
			}
			apiScopes.add(scope);
		}
		return new SeedFile(List.copyOf(clients), List.copyOf(citizens), List.copyOf(apiScopes));
	}

	/** Reads a seed file from a stream that the caller closes. */
	public static SeedFile parse(org.springframework.core.io.Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return parse(in, resource.getDescription());
		}
		catch (IOException ex) {
			throw new InvalidSeedException("Cannot read the seed file " + resource.getDescription() + ": " + ex);
		}
	}

	private static DepartmentClient client(Object entry, String where) {
		Map<String, Object> fields = map(entry, where);
		String namedId = string(fields, "client-id", where);
		requireKnownKeys(fields, CLIENT_KEYS,
				(namedId != null && !namedId.isBlank()) ? where + " (client-id " + namedId + ")" : where);
		String clientId = requiredString(fields, "client-id", where);
		String at = where + " (client-id " + clientId + ")";
		try {
			return new DepartmentClient(clientId, stringOr(fields, "client-name", clientId, at),
					string(fields, "client-secret", at),
					DepartmentClient.AuthMethod.of(stringOr(fields, "auth-method", "client_secret_basic", at)),
					new LinkedHashSet<>(
							strings(fields, "grant-types", List.of("authorization_code", "refresh_token"), at)),
					uris(fields, "redirect-uris", at), uris(fields, "post-logout-redirect-uris", at),
					new LinkedHashSet<>(strings(fields, "scopes", List.of("openid"), at)), string(fields, "sector", at),
					bool(fields, "public-subject", false, at), bool(fields, "require-consent", true, at),
					stringOr(fields, "min-acr", AssuranceLevels.LOA1, at), uri(fields, "backchannel-logout-uri", at),
					uri(fields, "jwks-uri", at), stringOr(fields, "id-token-signing-alg", "RS256", at),
					duration(fields, "refresh-token-lifetime", "24h", at), uris(fields, "audiences", at),
					fields.containsKey("claims-allowed")
							? new LinkedHashSet<>(strings(fields, "claims-allowed", List.of(), at)) : null,
					duration(fields, "access-token-lifetime", null, at),
					duration(fields, "id-token-lifetime", null, at), jwks(fields, at));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSeedException(at + ": " + ex.getMessage());
		}
	}

	private static ApiScope apiScope(Object entry, String where) {
		Map<String, Object> fields = map(entry, where);
		String namedScope = string(fields, "name", where);
		String at = (namedScope != null && !namedScope.isBlank()) ? where + " (name " + namedScope + ")" : where;
		requireKnownKeys(fields, API_SCOPE_KEYS, at);
		String name = requiredString(fields, "name", where);
		try {
			return new ApiScope(name, stringOr(fields, "description-en", "", at), string(fields, "description-ur", at),
					string(fields, "description-ps", at));
		}
		catch (InvalidApiScopeException ex) {
			throw new InvalidSeedException(at + ": " + ex.getMessage());
		}
	}

	private static @Nullable Duration duration(Map<String, Object> fields, String key, @Nullable String fallback,
			String where) {
		String value = string(fields, key, where);
		if (value == null) {
			value = fallback;
		}
		if (value == null) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSeedException(where + ": '" + key + "' must be a duration such as 5m or PT5M");
		}
	}

	/** The inline JWKS: a YAML mapping (the JWK Set document) or its JSON text. */
	private static @Nullable ClientJwks jwks(Map<String, Object> fields, String where) {
		Object value = fields.get("jwks");
		if (value == null) {
			return null;
		}
		if (value instanceof Map<?, ?>) {
			return ClientJwks.of(map(value, where + ": 'jwks'"));
		}
		if (value instanceof String text) {
			return ClientJwks.parse(text);
		}
		throw new InvalidSeedException(where + ": 'jwks' must be a JWK Set (a mapping with 'keys') or its JSON text");
	}

	private static SeedCitizen citizen(Object entry, String where) {
		Map<String, Object> fields = map(entry, where);
		requireKnownKeys(fields, CITIZEN_KEYS, where);
		try {
			return new SeedCitizen(requiredString(fields, "cnic", where), requiredString(fields, "name", where),
					LocalDate.parse(requiredString(fields, "birth-date", where)),
					requiredString(fields, "mobile", where), requiredString(fields, "password", where),
					string(fields, "totp-secret", where), strings(fields, "recovery-codes", List.of(), where));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidSeedException(where + ": birth-date must be YYYY-MM-DD");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, String where) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidSeedException(where + ": expected a mapping of keys to values");
		}
		for (Object key : map.keySet()) {
			if (!(key instanceof String)) {
				throw new InvalidSeedException(where + ": key " + key + " is not text");
			}
		}
		return (Map<String, Object>) map;
	}

	private static List<?> list(@Nullable Object value, String where) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new InvalidSeedException(where + ": expected a list");
		}
		return list;
	}

	private static void requireKnownKeys(Map<String, Object> fields, Collection<String> known, String where) {
		for (String key : fields.keySet()) {
			if (!known.contains(key)) {
				throw new InvalidSeedException(
						where + ": unknown key '" + key + "' (known keys: " + known.stream().sorted().toList() + ")");
			}
		}
	}

	private static String requiredString(Map<String, Object> fields, String key, String where) {
		String value = string(fields, key, where);
		if (value == null || value.isBlank()) {
			throw new InvalidSeedException(where + ": '" + key + "' is required");
		}
		return value;
	}

	private static String stringOr(Map<String, Object> fields, String key, String fallback, String where) {
		String value = string(fields, key, where);
		return (value != null) ? value : fallback;
	}

	private static @Nullable String string(Map<String, Object> fields, String key, String where) {
		Object value = fields.get(key);
		if (value == null) {
			return null;
		}
		if (value instanceof Map || value instanceof List) {
			throw new InvalidSeedException(where + ": '" + key + "' must be a single value");
		}
		if (value instanceof java.util.Date date) {
			// YAML reads an unquoted 1990-04-12 as a timestamp at midnight UTC.
			return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
		}
		return value.toString();
	}

	private static boolean bool(Map<String, Object> fields, String key, boolean fallback, String where) {
		Object value = fields.get(key);
		if (value == null) {
			return fallback;
		}
		if (!(value instanceof Boolean flag)) {
			throw new InvalidSeedException(where + ": '" + key + "' must be true or false");
		}
		return flag;
	}

	private static List<String> strings(Map<String, Object> fields, String key, List<String> fallback, String where) {
		Object value = fields.get(key);
		if (value == null) {
			return fallback;
		}
		List<String> result = new ArrayList<>();
		for (Object item : list(value, where + ": '" + key + "'")) {
			if (item == null || item instanceof Map || item instanceof List) {
				throw new InvalidSeedException(where + ": '" + key + "' must be a list of values");
			}
			result.add(item.toString());
		}
		return result;
	}

	private static List<URI> uris(Map<String, Object> fields, String key, String where) {
		List<URI> result = new ArrayList<>();
		for (String value : strings(fields, key, List.of(), where)) {
			result.add(toUri(value, key, where));
		}
		return result;
	}

	private static @Nullable URI uri(Map<String, Object> fields, String key, String where) {
		String value = string(fields, key, where);
		return (value != null) ? toUri(value, key, where) : null;
	}

	private static URI toUri(String value, String key, String where) {
		try {
			return new URI(value);
		}
		catch (java.net.URISyntaxException ex) {
			throw new InvalidSeedException(where + ": '" + key + "' has an invalid URI: " + ex.getMessage());
		}
	}

}
