package pk.gov.kp.khyberpass.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims from the userinfo endpoint, whose {@code sub} was checked against the ID
 * token's. Immutable and thread-safe; no component is {@code null}.
 *
 * @param subject the {@code sub} claim
 * @param claims all claims as JSON values
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core
 * §5.3</a>
 */
public record UserInfo(String subject, Map<String, Object> claims) {

	/**
	 * Creates an instance; all arguments must be non-{@code null}.
	 */
	public UserInfo {
		Objects.requireNonNull(subject, "subject");
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * Returns a string claim, such as {@code name} or {@code phone_number}.
	 * @param name the claim name, not {@code null}
	 * @return the value, empty if absent or not a string; never {@code null}
	 */
	public Optional<String> string(String name) {
		return (this.claims.get(name) instanceof String value) ? Optional.of(value) : Optional.empty();
	}

	/**
	 * Returns a description without personal data.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "UserInfo[subject=" + this.subject + ", claims=" + this.claims.keySet() + "]";
	}

}
