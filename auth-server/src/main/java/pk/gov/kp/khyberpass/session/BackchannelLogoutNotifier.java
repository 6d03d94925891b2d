package pk.gov.kp.khyberpass.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.oidc.SessionParticipant;
import pk.gov.kp.khyberpass.oidc.SessionTokenFamilies;

/**
 * Single logout: when a citizen's SSO session ends (sign-out at Khyber Pass, RP-initiated logout, or
 * expiry), the session's token families are revoked and every department in it that registered a
 * back-channel logout URI gets a logout token.
 */
@Component
final class BackchannelLogoutNotifier {

	private static final Logger log = LoggerFactory.getLogger(BackchannelLogoutNotifier.class);

	private final SessionTokenFamilies families;

	private final LogoutTokens tokens;

	private final BackchannelLogoutDelivery delivery;

	BackchannelLogoutNotifier(SessionTokenFamilies families, LogoutTokens tokens, BackchannelLogoutDelivery delivery) {
		this.families = families;
		this.tokens = tokens;
		this.delivery = delivery;
	}

	@EventListener
	void onSessionEnded(SessionDestroyedEvent event) {
		for (SessionParticipant participant : this.families.endSession(event.getId())) {
			participant.backchannelLogoutUri().ifPresent((uri) -> {
				log.debug("Sending back-channel logout to {}", participant.clientId());
				this.delivery.send(participant.clientId(), uri, this.tokens.issue(participant));
			});
		}
	}

}
