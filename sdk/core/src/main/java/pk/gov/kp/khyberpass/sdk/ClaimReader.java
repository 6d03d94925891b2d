package pk.gov.kp.khyberpass.sdk;

import java.text.ParseException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

/**
 * Reads typed claims, turning a claim of the wrong JSON type into
 * {@link Reason#MALFORMED}. Stateless.
 */
final class ClaimReader {

	private ClaimReader() {
	}

	static Optional<String> string(JWTClaimsSet claims, String name) {
		try {
			return Optional.ofNullable(claims.getStringClaim(name));
		}
		catch (ParseException ex) {
			throw wrongType(name, ex);
		}
	}

	static String required(JWTClaimsSet claims, String name, String kind) {
		return string(claims, name).filter((value) -> !value.isEmpty())
			.orElseThrow(() -> new InvalidTokenException(Reason.MISSING_CLAIM,
					"The " + kind + " lacks the required '" + name + "' claim"));
	}

	static List<String> stringList(JWTClaimsSet claims, String name) {
		try {
			List<String> values = claims.getStringListClaim(name);
			return (values != null) ? List.copyOf(values) : List.of();
		}
		catch (ParseException | NullPointerException ex) {
			throw wrongType(name, ex);
		}
	}

	static Optional<Instant> instant(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Number number) {
			return Optional.of(Instant.ofEpochSecond(number.longValue()));
		}
		if (value instanceof java.util.Date date) {
			return Optional.of(date.toInstant());
		}
		throw wrongType(name, null);
	}

	/** The {@code scope} claim (space-separated, RFC 9068 §2.2.3) or else {@code scp}. */
	static Set<String> scopes(JWTClaimsSet claims) {
		Object scope = claims.getClaim("scope");
		if (scope == null) {
			scope = claims.getClaim("scp");
		}
		if (scope == null) {
			return Set.of();
		}
		Set<String> scopes = new LinkedHashSet<>();
		if (scope instanceof String value) {
			for (String item : value.split(" ")) {
				if (!item.isEmpty()) {
					scopes.add(item);
				}
			}
		}
		else if (scope instanceof Collection<?> values) {
			for (Object item : values) {
				if (!(item instanceof String value)) {
					throw wrongType("scp", null);
				}
				scopes.add(value);
			}
		}
		else {
			throw wrongType("scope", null);
		}
		return Collections.unmodifiableSet(scopes);
	}

	static Map<String, Object> all(JWTClaimsSet claims) {
		return claims.toJSONObject();
	}

	private static InvalidTokenException wrongType(String name, Exception cause) {
		String message = "The token's '" + name + "' claim has the wrong JSON type";
		return (cause != null) ? new InvalidTokenException(Reason.MALFORMED, message, cause)
				: new InvalidTokenException(Reason.MALFORMED, message);
	}

}
