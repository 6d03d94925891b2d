package pk.gov.kp.khyberpass.oidc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims about a citizen that a department may be allowed to receive (a client's
 * {@code claims-allowed}), and the filter that keeps a token or userinfo response to
 * them. Protocol claims ({@code sub}, {@code iss}, {@code aud}, {@code acr}, {@code amr},
 * {@code auth_time}, {@code nonce}, {@code sid}, ...) are always kept; any other claim
 * not allowed is dropped, so a claim added later is withheld from restricted clients
 * until the security team allows it.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims">OIDC Core
 * §5.1</a>
 */
public final class ReleasableClaims {

	/**
	 * The OpenID Connect standard claims (OIDC Core §5.1) and our {@code cnic}, sorted.
	 */
	public static final List<String> ALL = List
		.copyOf(new TreeSet<>(Set.of("name", "given_name", "family_name", "middle_name", "nickname",
				"preferred_username", "profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
				"zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at", "cnic")));

	/** Claims about the protocol, not the citizen: never filtered. */
	static final Set<String> PROTOCOL = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce",
			"acr", "amr", "azp", "sid", "at_hash", "c_hash", "s_hash", "client_id", "scope", "act", "may_act", "cnf");

	/**
	 * What each scope releases about the citizen, as {@link UserInfoClaims} gives it;
	 * other scopes release none.
	 */
	static final Map<String, List<String>> BY_SCOPE = Map.of("profile", List.of("name", "birthdate"), "phone",
			List.of("phone_number"), "email", List.of("email"), "cnic", List.of("cnic"));

	private ReleasableClaims() {
	}

	/**
	 * The allowed claims, checked.
	 * @throws InvalidClientSettingException naming {@code claims-allowed} when a name is
	 * unknown or none is given
	 */
	static Set<String> requireKnown(Collection<String> claims) {
		if (claims.isEmpty()) {
			throw new InvalidClientSettingException("claims-allowed",
					"claims-allowed must name at least one claim; leave it out to release what the scopes give");
		}
		for (String claim : claims) {
			if (!ALL.contains(claim)) {
				throw new InvalidClientSettingException("claims-allowed",
						"claims-allowed names an unknown claim '" + claim + "'; use some of " + ALL);
			}
		}
		return Set.copyOf(claims);
	}

	/**
	 * The claims a scope releases to a client with these allowed claims (all of them when
	 * it has no such setting), in the scope's order; empty when the scope releases
	 * nothing about the citizen.
	 */
	static List<String> releasedBy(String scope, Optional<Set<String>> allowed) {
		List<String> released = BY_SCOPE.getOrDefault(scope, List.of());
		return allowed.map((only) -> released.stream().filter(only::contains).toList()).orElse(released);
	}

	/**
	 * Removes from {@code claims} every claim that is neither a protocol claim nor in
	 * {@code allowed}.
	 */
	static void retainAllowed(Map<String, Object> claims, Set<String> allowed) {
		claims.keySet().removeIf((claim) -> !PROTOCOL.contains(claim) && !allowed.contains(claim));
	}

}
