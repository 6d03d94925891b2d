package pk.gov.kp.khyberpass.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code acr} values a client marks essential in the {@code claims} request
 * parameter, for the ID token or for userinfo (OpenID Connect Core §5.5.1.1). A malformed
 * parameter names no level: the request is then held to the client's minimum and its
 * {@code acr_values}.
 */
final class EssentialAcr {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EssentialAcr() {
	}

	static List<String> values(String claimsParameter) {
		List<String> values = new ArrayList<>();
		try {
			Map<?, ?> claims = JSON.readValue(claimsParameter, Map.class);
			for (String target : List.of("id_token", "userinfo")) {
				if (claims.get(target) instanceof Map<?, ?> requested && requested.get("acr") instanceof Map<?, ?> acr
						&& Boolean.TRUE.equals(acr.get("essential"))) {
					if (acr.get("value") instanceof String value) {
						values.add(value);
					}
					if (acr.get("values") instanceof List<?> list) {
						list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
					}
				}
			}
		}
		catch (JacksonException ex) {
			return List.of();
		}
		return values;
	}

}
