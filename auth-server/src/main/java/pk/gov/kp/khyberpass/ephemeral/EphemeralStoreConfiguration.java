package pk.gov.kp.khyberpass.ephemeral;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

@Configuration(proxyBeanMethods = false)
class EphemeralStoreConfiguration {

	@Bean
	@ConditionalOnProperty(name = "khyberpass.ephemeral.store", havingValue = "redis")
	EphemeralStore redisEphemeralStore(RedisConnectionFactory connectionFactory, EphemeralProperties properties) {
		RedisTemplate<String, byte[]> template = new RedisTemplate<>();
		template.setConnectionFactory(connectionFactory);
		template.setKeySerializer(RedisSerializer.string());
		template.setValueSerializer(RedisSerializer.byteArray());
		template.afterPropertiesSet();
		return new RedisEphemeralStore(template, properties.keyPrefix());
	}

	@Bean
	@ConditionalOnProperty(name = "khyberpass.ephemeral.store", havingValue = "memory", matchIfMissing = true)
	EphemeralStore inMemoryEphemeralStore(Clock clock) {
		return new InMemoryEphemeralStore(clock);
	}

}
