package pk.gov.kp.khyberpass.sdk;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

/**
 * Requires a minimum assurance level from an {@code acr} claim. Stateless.
 */
final class AcrCheck {

	private AcrCheck() {
	}

	static void require(Optional<String> acr, @Nullable AssuranceLevel minimum, String kind) {
		if (minimum == null) {
			return;
		}
		Optional<AssuranceLevel> level = acr.flatMap(AssuranceLevel::fromValue);
		if (level.isEmpty() || !level.get().isAtLeast(minimum)) {
			throw new InvalidTokenException(Reason.ACR,
					"The " + kind + " was obtained at assurance level '"
							+ level.map(AssuranceLevel::value).orElse("none") + "' but " + minimum.value()
							+ " is required; send the citizen through sign-in with acr_values=" + minimum.value());
		}
	}

}
