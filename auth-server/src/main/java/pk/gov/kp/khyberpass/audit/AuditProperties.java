package pk.gov.kp.khyberpass.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit log.
 *
 * @param checkpointInterval how often each node signs a checkpoint of the chain (a node
 * skips it when nothing was appended since the last one)
 */
@Validated
@ConfigurationProperties("khyberpass.audit")
public record AuditProperties(@DefaultValue("15m") Duration checkpointInterval) {
}
