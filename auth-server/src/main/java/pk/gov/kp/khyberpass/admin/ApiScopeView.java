package pk.gov.kp.khyberpass.admin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.oidc.RegisteredApiScope;

/**
 * A department API scope as the admin API shows it: its consent descriptions
 * ({@code null} for a language without one, which shows the English) and who changed it
 * last ({@code seed} for the seed file).
 */
record ApiScopeView(String name, String descriptionEn, @Nullable String descriptionUr, @Nullable String descriptionPs,
		Instant updatedAt, String updatedBy) {

	static ApiScopeView of(RegisteredApiScope registered) {
		return new ApiScopeView(registered.scope().name(), registered.scope().descriptionEn(),
				registered.scope().descriptionUr(), registered.scope().descriptionPs(), registered.updatedAt(),
				registered.updatedBy());
	}

}
