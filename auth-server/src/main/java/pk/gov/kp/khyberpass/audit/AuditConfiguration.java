package pk.gov.kp.khyberpass.audit;

import java.time.Clock;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.keys.SigningKeys;

/**
 * The audit log: the {@link AuditLog} service, the listeners that record events, and the
 * periodic signed checkpoint.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditLog auditLog(DataSource dataSource, PlatformTransactionManager transactionManager, JwtEncoder jwtEncoder,
			SigningKeys signingKeys, Clock clock) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(500);
		JsonMapper json = JsonMapper.builder().build();
		// its own transaction, so the chain head's lock is held for one INSERT, whatever
		// the publisher does
		TransactionTemplate writes = new TransactionTemplate(transactionManager);
		writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// one snapshot for a whole walk of the chain
		TransactionTemplate reads = new TransactionTemplate(transactionManager);
		reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		reads.setReadOnly(true);
		return new AuditLog(new AuditRepository(JdbcClient.create(template), json),
				new AuditCheckpointSigner(jwtEncoder, new CheckpointKeys(signingKeys)), writes, reads, json, clock);
	}

	@Bean
	AuditListeners auditListeners(AuditLog auditLog, MasterKey masterKey, Clock clock) {
		return new AuditListeners(auditLog, masterKey, clock);
	}

	@Bean
	SchedulingConfigurer auditCheckpoints(AuditLog auditLog, AuditProperties properties) {
		return (registrar) -> registrar.addFixedDelayTask(new FixedDelayTask(auditLog::checkpoint,
				properties.checkpointInterval(), properties.checkpointInterval()));
	}

}
