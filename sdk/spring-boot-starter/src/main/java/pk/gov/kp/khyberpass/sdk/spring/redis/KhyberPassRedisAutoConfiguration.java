package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.ReplayStore;
import pk.gov.kp.khyberpass.sdk.SessionRenewals;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassAutoConfiguration;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassProperties;

/**
 * When the application has Spring Data Redis (a {@link StringRedisTemplate} bean), shares
 * the state every node needs through it: the logout token ids already used
 * ({@link RedisReplayStore}), the sessions a logout ended ({@link RedisEndedSessions}),
 * and the renewals of citizens' access tokens, so a refresh token is presented by one
 * node only ({@link RedisSessionRenewals}). Each backs off for a bean of its type the
 * application defines.
 */
@AutoConfiguration(before = KhyberPassAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(StringRedisTemplate.class)
@EnableConfigurationProperties(KhyberPassProperties.class)
public final class KhyberPassRedisAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReplayStore khyberPassLogoutReplayStore(StringRedisTemplate redis, KhyberPassProperties properties,
			ObjectProvider<Clock> clock) {
		return new RedisReplayStore(redis, properties.clientId(), clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	EndedSessions khyberPassEndedSessions(StringRedisTemplate redis, KhyberPassProperties properties) {
		return new RedisEndedSessions(redis, properties.clientId(), properties.endedSessionRetention());
	}

	@Bean
	@ConditionalOnMissingBean
	SessionRenewals khyberPassSessionRenewals(StringRedisTemplate redis, KhyberPassProperties properties) {
		return new RedisSessionRenewals(redis, properties.clientId());
	}

}
