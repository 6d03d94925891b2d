package pk.gov.kp.khyberpass.session;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.AccountId;

/**
 * Ends every single sign-on session of one account ("sign out everywhere"). With Spring Session in Redis
 * (production) the sessions are found by their principal index and deleted; each deletion fires the
 * session-destroyed event that runs single logout (token families revoked, back-channel logout sent). The
 * development default keeps sessions in the servlet container, where they cannot be listed: nothing ends
 * there, and the caller still revokes the token families.
 */
@Component
public final class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	/** Deletes the account's sessions and returns how many there were. */
	public int endAll(AccountId account) {
		FindByIndexNameSessionRepository<? extends Session> repository = this.sessions.getIfAvailable();
		if (repository == null) {
			log.warn("Sessions of account {} cannot be listed without Spring Session; none ended", account);
			return 0;
		}
		Set<String> ids = repository.findByPrincipalName(account.toString()).keySet();
		ids.forEach(repository::deleteById);
		log.info("Ended {} sessions of account {}", ids.size(), account);
		return ids.size();
	}

}
