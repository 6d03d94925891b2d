package pk.gov.kp.khyberpass.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import pk.gov.kp.khyberpass.keys.KeyedHash;
import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.keys.SigningKeyRetired;
import pk.gov.kp.khyberpass.keys.SigningKeyRotated;

/**
 * Records {@link AuditEvent}s that features publish, and turns Spring Security's password
 * sign-in events and the signing key events into audit events. Runs in the publisher's
 * thread. An attempted username (possibly a CNIC) is stored only as a keyed hash; a
 * client address only as its network prefix (/24 or /48) and a keyed hash.
 * <p>
 * A failure to record is logged and does not fail the publisher: an outage of the audit
 * table must not lock every citizen out.
 */
final class AuditListeners {

	static final String SUBJECT_HASH_PURPOSE = "audit-subject";

	private static final Logger log = LoggerFactory.getLogger(AuditListeners.class);

	private final AuditLog auditLog;

	private final KeyedHash subjectHash;

	private final KeyedHash addressHash;

	private final Clock clock;

	AuditListeners(AuditLog auditLog, MasterKey masterKey, Clock clock) {
		this.auditLog = auditLog;
		this.subjectHash = masterKey.keyedHash(SUBJECT_HASH_PURPOSE);
		this.addressHash = masterKey.keyedHash("audit-address");
		this.clock = clock;
	}

	@EventListener
	void on(AuditEvent event) {
		record(event);
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
			return;
		}
		String accountId = authentication.getName();
		record(new AuditEvent(AuditEventType.SIGN_IN_SUCCEEDED, accountId, accountId, null, this.clock.instant(),
				address(authentication.getDetails())));
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication authentication = event.getAuthentication();
		if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
			return;
		}
		AuditEventType type = (event instanceof AuthenticationFailureLockedEvent) ? AuditEventType.SIGN_IN_LOCKED
				: AuditEventType.SIGN_IN_FAILED;
		String attempted = "username-hash:" + this.subjectHash.base64Url(authentication.getName());
		Map<String, String> details = address(authentication.getDetails());
		details.put("reason", event.getException().getClass().getSimpleName());
		record(new AuditEvent(type, attempted, attempted, null, this.clock.instant(), details));
	}

	@EventListener
	void on(SigningKeyRotated event) {
		Map<String, String> details = new HashMap<>();
		details.put("algorithm", event.algorithm().name());
		details.put("retiringKid", event.retiringKid());
		details.put("nextKid", event.nextKid());
		details.put("retireAfter", event.retireAfter().toString());
		record(new AuditEvent(AuditEventType.SIGNING_KEY_ROTATED, AuditEvent.SYSTEM, event.activeKid(), null,
				event.rotatedAt(), details));
	}

	@EventListener
	void on(SigningKeyRetired event) {
		record(new AuditEvent(AuditEventType.SIGNING_KEY_RETIRED, AuditEvent.SYSTEM, event.kid(), null,
				event.retiredAt(), Map.of("algorithm", event.algorithm().name(), "reason", event.reason().name())));
	}

	private void record(AuditEvent event) {
		try {
			this.auditLog.record(event);
		}
		catch (RuntimeException ex) {
			log.error("Could not record audit event {} (subject {})", event.type(), event.subject(), ex);
		}
	}

	private Map<String, String> address(@Nullable Object details) {
		Map<String, String> result = new HashMap<>();
		if (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			String address = web.getRemoteAddress();
			result.put("addressPrefix", prefix(address));
			result.put("addressHash", this.addressHash.base64Url(address));
		}
		return result;
	}

	/** The /24 of an IPv4 address or the /48 of an IPv6 address, without a DNS lookup. */
	static String prefix(String address) {
		boolean literal = address.indexOf(':') >= 0
				|| address.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
		if (!literal || address.isEmpty()) {
			return "unknown";
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			int keep = (bytes.length == 4) ? 3 : 6;
			for (int i = keep; i < bytes.length; i++) {
				bytes[i] = 0;
			}
			return InetAddress.getByAddress(bytes).getHostAddress() + ((bytes.length == 4) ? "/24" : "/48");
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

}
