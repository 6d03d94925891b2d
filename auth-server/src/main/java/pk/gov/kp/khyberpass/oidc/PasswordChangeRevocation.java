package pk.gov.kp.khyberpass.oidc;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.PasswordChanged;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * A new password ends every refresh-token family of the account, in the request that set
 * it, so that a department session opened with the old password cannot go on refreshing.
 */
@Component
final class PasswordChangeRevocation {

	private final TokenFamilyAuthorizationService families;

	private final ApplicationEventPublisher events;

	PasswordChangeRevocation(TokenFamilyAuthorizationService families, ApplicationEventPublisher events) {
		this.families = families;
		this.events = events;
	}

	@EventListener
	void on(PasswordChanged changed) {
		String accountId = changed.account().toString();
		int revoked = this.families.revokeAllFor(accountId);
		if (revoked > 0) {
			this.events.publishEvent(
					new AuditEvent(AuditEventType.TOKEN_FAMILY_REVOKED, accountId, accountId, null, changed.changedAt(),
							Map.of("reason", "password-" + changed.reason(), "families", Integer.toString(revoked))));
		}
	}

}
