package pk.gov.kp.khyberpass.admin.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.InvalidApiScopeException;

/**
 * An API scope's descriptions as the console's form holds them, turned into the admin
 * API's request. Checked with {@link ApiScope}'s own rules (the ones the API applies) at
 * the review step, so that a bad field is shown on the form before the administrator
 * writes a reason; the API checks again when it saves.
 */
final class ScopeForm {

	/** The form's fields, which are also the API's field names. */
	static final List<String> FIELDS = List.of("name", "descriptionEn", "descriptionUr", "descriptionPs");

	/** The language each description is written in, as the pages mark it. */
	static final Map<String, String> LANGUAGES = Map.of("descriptionEn", "en", "descriptionUr", "ur", "descriptionPs",
			"ps");

	/** A name and an English description that pass, to check the other fields alone. */
	private static final String VALID_NAME = "example.read";

	private static final String VALID_TEXT = "Example";

	private final Map<String, String> values;

	private ScopeForm(Map<String, String> values) {
		this.values = values;
	}

	/** From submitted parameters; fields not on the form are empty. */
	static ScopeForm of(Map<String, String[]> parameters) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String[] given = parameters.get(field);
			values.put(field, (given != null && given.length > 0) ? given[0].strip() : "");
		}
		return new ScopeForm(values);
	}

	/** From the admin API's view of a described scope, for editing. */
	static ScopeForm fromScope(Map<String, Object> scope) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : FIELDS) {
			Object value = scope.get(field);
			values.put(field, (value != null) ? value.toString() : "");
		}
		return new ScopeForm(values);
	}

	static ScopeForm empty() {
		return of(Map.of());
	}

	/** The same descriptions under {@code name} (editing: the name is the page's). */
	ScopeForm named(String name) {
		Map<String, String> values = new LinkedHashMap<>(this.values);
		values.put("name", name);
		return new ScopeForm(values);
	}

	Map<String, String> values() {
		return this.values;
	}

	String get(String field) {
		return this.values.getOrDefault(field, "");
	}

	String name() {
		return get("name");
	}

	/**
	 * What is wrong, by field in form order, each with the rule's own explanation (in
	 * English, as the API gives it); empty when the API would accept the form. Each field
	 * is checked alone, so every problem is shown at once.
	 */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		check(problems, "name", () -> new ApiScope(name(), VALID_TEXT, null, null));
		check(problems, "descriptionEn", () -> new ApiScope(VALID_NAME, get("descriptionEn"), null, null));
		check(problems, "descriptionUr", () -> new ApiScope(VALID_NAME, VALID_TEXT, get("descriptionUr"), null));
		check(problems, "descriptionPs", () -> new ApiScope(VALID_NAME, VALID_TEXT, null, get("descriptionPs")));
		return problems;
	}

	private static void check(Map<String, String> problems, String field, Runnable rule) {
		try {
			rule.run();
		}
		catch (InvalidApiScopeException ex) {
			problems.put(field, ex.getMessage());
		}
	}

	/**
	 * The API's request body (the name is the path's): an empty Urdu or Pashto
	 * description is left out, which removes it.
	 */
	Map<String, Object> request(String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reason", reason);
		for (String field : List.of("descriptionEn", "descriptionUr", "descriptionPs")) {
			String value = get(field);
			if (!value.isEmpty() || "descriptionEn".equals(field)) {
				body.put(field, value);
			}
		}
		return body;
	}

	/**
	 * The form's field an API field name stands for, or null for one the form does not
	 * hold.
	 */
	static @Nullable String field(@Nullable String apiField) {
		return (apiField != null && FIELDS.contains(apiField)) ? apiField : null;
	}

}
