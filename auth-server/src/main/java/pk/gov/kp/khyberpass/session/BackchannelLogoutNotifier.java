package pk.gov.kp.khyberpass.session;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.oidc.DepartmentAccessWithdrawn;
import pk.gov.kp.khyberpass.oidc.SessionParticipant;
import pk.gov.kp.khyberpass.oidc.SessionTokenFamilies;

/**
 * Single logout: when a citizen's SSO session ends, the session's token families are
 * revoked and every department in it that registered a back-channel logout URI gets a
 * logout token.
 * <p>
 * A logout (at Khyber Pass or RP-initiated) does this in the request itself, as a
 * {@link LogoutHandler} that runs before the session is invalidated, so that the
 * session's refresh tokens are dead when the citizen's browser gets the answer. A session
 * that simply expires is handled when its expiry event arrives. Whichever comes first
 * claims the session in the ephemeral store; the other does nothing.
 */
@Component
final class BackchannelLogoutNotifier implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(BackchannelLogoutNotifier.class);

	private static final Duration CLAIM_TTL = Duration.ofMinutes(10);

	private final SessionTokenFamilies families;

	private final LogoutTokens tokens;

	private final BackchannelLogoutDelivery delivery;

	private final EphemeralStore ephemeral;

	BackchannelLogoutNotifier(SessionTokenFamilies families, LogoutTokens tokens, BackchannelLogoutDelivery delivery,
			EphemeralStore ephemeral) {
		this.families = families;
		this.tokens = tokens;
		this.delivery = delivery;
		this.ephemeral = ephemeral;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			endSession(session.getId());
		}
	}

	/** A servlet-container session ended (the development default). */
	@EventListener
	void onSessionEnded(SessionDestroyedEvent event) {
		endSession(event.getId());
	}

	/**
	 * A Spring Session session in Redis was deleted or expired (production); every node
	 * hears it.
	 */
	@EventListener
	void onSessionEnded(org.springframework.session.events.SessionDestroyedEvent event) {
		endSession(event.getSessionId());
	}

	/**
	 * After the withdrawal is committed, so the delivery row it writes is committed too.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void onAccessWithdrawn(DepartmentAccessWithdrawn withdrawn) {
		SessionParticipant department = withdrawn.participant();
		department.backchannelLogoutUri().ifPresent((uri) -> {
			log.debug("Sending back-channel logout to {} after the citizen stopped sharing", department.clientId());
			this.delivery.send(department.clientId(), uri, this.tokens.issue(department));
		});
	}

	private void endSession(String sessionId) {
		if (!this.ephemeral.putIfAbsent("slo:" + sessionId, new byte[] { 1 }, CLAIM_TTL)) {
			return;
		}
		for (SessionParticipant participant : this.families.endSession(sessionId)) {
			participant.backchannelLogoutUri().ifPresent((uri) -> {
				log.debug("Sending back-channel logout to {}", participant.clientId());
				this.delivery.send(participant.clientId(), uri, this.tokens.issue(participant));
			});
		}
	}

}
