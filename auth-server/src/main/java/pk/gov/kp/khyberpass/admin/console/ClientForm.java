package pk.gov.kp.khyberpass.admin.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * A department client's settings as the console's form holds them (lists one per line or
 * space-separated), turned into the admin API's client request. The API validates every
 * field; the console does not guess.
 */
final class ClientForm {

	/**
	 * The form's fields, which are also the API's field names; the review step carries
	 * them as hidden fields.
	 */
	static final List<String> FIELDS = List.of("clientId", "clientName", "authMethod", "grantTypes", "redirectUris",
			"postLogoutRedirectUris", "scopes", "minAcr", "requireConsent", "publicSubject", "sector",
			"backchannelLogoutUri", "jwksUri", "jwks", "audiences", "claimsAllowed", "idTokenSigningAlg",
			"accessTokenLifetime", "idTokenLifetime", "refreshTokenLifetime");

	private static final List<String> LISTS = List.of("grantTypes", "redirectUris", "postLogoutRedirectUris", "scopes",
			"audiences", "claimsAllowed");

	private static final List<String> FLAGS = List.of("requireConsent", "publicSubject");

	private final Map<String, String> values;

	private ClientForm(Map<String, String> values) {
		this.values = values;
	}

	/** From submitted parameters; fields not on the form are empty. */
	static ClientForm of(Map<String, String[]> parameters) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String[] given = parameters.get(field);
			values.put(field, (given != null) ? String.join(" ", given).strip() : "");
		}
		return new ClientForm(values);
	}

	/** From the admin API's view of an existing client, for editing. */
	static ClientForm fromClient(Map<String, Object> client) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : FIELDS) {
			values.put(field, text(client.get(field)));
		}
		return new ClientForm(values);
	}

	/**
	 * A setting as the form and the client page show it: lists space-separated, objects
	 * (the JWKS) as JSON.
	 */
	@SuppressWarnings("unchecked")
	static String text(@Nullable Object value) {
		if (value instanceof List<?> list) {
			return String.join(" ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof Map<?, ?> object) {
			return JSONObjectUtils.toJSONString((Map<String, ?>) object);
		}
		return (value != null) ? String.valueOf(value) : "";
	}

	static ClientForm empty() {
		Map<String, String> values = new LinkedHashMap<>();
		FIELDS.forEach((field) -> values.put(field, ""));
		values.put("authMethod", "client_secret_basic");
		values.put("grantTypes", "authorization_code refresh_token");
		values.put("scopes", "openid");
		values.put("minAcr", "urn:kp:loa:1");
		values.put("requireConsent", "true");
		return new ClientForm(values);
	}

	Map<String, String> values() {
		return this.values;
	}

	String get(String field) {
		return this.values.getOrDefault(field, "");
	}

	/**
	 * The API request body: empty fields left out (the API's defaults apply), lists
	 * split, flags as booleans.
	 */
	Map<String, Object> request(String reason, @Nullable String clientId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reason", reason);
		for (String field : FIELDS) {
			String value = get(field);
			if ("clientId".equals(field)) {
				if (clientId == null && !value.isEmpty()) {
					body.put(field, value);
				}
			}
			else if (FLAGS.contains(field)) {
				body.put(field, "true".equals(value));
			}
			else if (LISTS.contains(field)) {
				if (!value.isEmpty()) {
					body.put(field, Arrays.stream(value.split("[\\s,]+")).filter((item) -> !item.isEmpty()).toList());
				}
			}
			else if (!value.isEmpty()) {
				body.put(field, value);
			}
		}
		return body;
	}

}
