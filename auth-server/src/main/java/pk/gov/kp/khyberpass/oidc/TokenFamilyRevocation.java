package pk.gov.kp.khyberpass.oidc;

import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.AccountId;

/**
 * Revokes every token family of a citizen at once: refresh tokens stop working at their
 * next use, and the families' access tokens are refused at once by userinfo and
 * introspection (a department that checks the JWT itself accepts it until it expires,
 * within minutes).
 */
@Component
public final class TokenFamilyRevocation {

	private final TokenFamilyAuthorizationService families;

	TokenFamilyRevocation(TokenFamilyAuthorizationService families) {
		this.families = families;
	}

	/**
	 * Revokes the account's token families, for every department; returns how many there
	 * were.
	 */
	public int revokeAll(AccountId account) {
		return this.families.revokeAllFor(account.toString());
	}

}
