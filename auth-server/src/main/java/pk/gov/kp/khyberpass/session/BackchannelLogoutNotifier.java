package pk.gov.kp.khyberpass.session;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
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

	private final EphemeralStore ephemeral;

	private static final Duration CLAIM_TTL = Duration.ofMinutes(10);

	BackchannelLogoutNotifier(SessionTokenFamilies families, LogoutTokens tokens, BackchannelLogoutDelivery delivery,
			EphemeralStore ephemeral) {
		this.families = families;
		this.ephemeral = ephemeral;
		this.tokens = tokens;
		this.delivery = delivery;
	}

	/** A servlet-container session ended (the development default). */
	@EventListener
	void onSessionEnded(SessionDestroyedEvent event) {
		endSession(event.getId());
	}

	/**
	 * A Spring Session session in Redis was deleted or expired (production). Every node hears the event;
	 * the first to claim it does the fan-out.
	 */
	@EventListener
	void onSessionEnded(org.springframework.session.events.SessionDestroyedEvent event) {
		if (this.ephemeral.putIfAbsent("slo:" + event.getSessionId(), new byte[] { 1 }, CLAIM_TTL)) {
			endSession(event.getSessionId());
		}
	}

	private void endSession(String sessionId) {
		for (SessionParticipant participant : this.families.endSession(sessionId)) {
			participant.backchannelLogoutUri().ifPresent((uri) -> {
				log.debug("Sending back-channel logout to {}", participant.clientId());
				this.delivery.send(participant.clientId(), uri, this.tokens.issue(participant));
			});
		}
	}

}
