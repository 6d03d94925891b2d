package pk.gov.kp.khyberpass.admin;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.InvalidApiScopeException;

/**
 * An API scope's descriptions as the admin API receives them (create or replace), with
 * the reason for the change. {@code name}, if given, must be the path's.
 */
record ApiScopeRequest(@Nullable String reason, @Nullable String name, @Nullable String descriptionEn,
		@Nullable String descriptionUr, @Nullable String descriptionPs) {

	/**
	 * The scope these descriptions describe.
	 * @throws InvalidFieldException or {@link InvalidApiScopeException} naming the field
	 * at fault
	 */
	ApiScope toApiScope(String pathName) {
		if (this.name != null && !this.name.equals(pathName)) {
			throw new InvalidFieldException("name", "name cannot differ from the path's");
		}
		return new ApiScope(pathName, (this.descriptionEn != null) ? this.descriptionEn : "", this.descriptionUr,
				this.descriptionPs);
	}

}
