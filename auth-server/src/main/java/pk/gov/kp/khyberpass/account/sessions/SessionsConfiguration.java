package pk.gov.kp.khyberpass.account.sessions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import pk.gov.kp.khyberpass.keys.MasterKey;

@Configuration(proxyBeanMethods = false)
class SessionsConfiguration {

	/**
	 * Redis sessions when Spring Session runs (production), otherwise the container's
	 * (development).
	 */
	@Bean
	SessionDirectory sessionDirectory(
			ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> redisSessions) {
		FindByIndexNameSessionRepository<? extends Session> sessions = redisSessions.getIfAvailable();
		return (sessions != null) ? new RedisSessionDirectory(sessions) : new ContainerSessionDirectory();
	}

	@Bean
	CitizenSessions citizenSessions(SessionDirectory directory, MasterKey masterKey) {
		return new CitizenSessions(directory, masterKey.keyedHash("session-handle"));
	}

}
