package pk.gov.kp.khyberpass.admin;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.sessions.CitizenSessions;
import pk.gov.kp.khyberpass.oidc.TokenFamilyRevocation;

/**
 * Ends every session of an account, revokes all its token families and cuts off its admin
 * API access tokens: used by "sign out everywhere", and after a lock, a forced password
 * reset or an MFA reset.
 */
@Component
final class SignOutEverywhere {

	private final CitizenSessions sessions;

	private final TokenFamilyRevocation families;

	private final AccessTokenCutoff cutoff;

	SignOutEverywhere(CitizenSessions sessions, TokenFamilyRevocation families, AccessTokenCutoff cutoff) {
		this.sessions = sessions;
		this.families = families;
		this.cutoff = cutoff;
	}

	Outcome signOut(AccountId account) {
		int ended = this.sessions.endAll(account);
		// after the sessions: single logout already revoked the families of those
		// sessions, this takes the rest
		int revoked = this.families.revokeAll(account);
		this.cutoff.cutOff(account);
		return new Outcome(ended, revoked);
	}

	/** How many sessions ended and token families were revoked. */
	record Outcome(int sessions, int tokenFamilies) {

		Map<String, String> details() {
			return Map.of("sessionsEnded", Integer.toString(this.sessions), "tokenFamiliesRevoked",
					Integer.toString(this.tokenFamilies));
		}

		/** The audit details of the sign-out, with those of the action it followed. */
		Map<String, String> details(Map<String, String> action) {
			Map<String, String> all = new HashMap<>(details());
			all.putAll(action);
			return all;
		}

	}

}
