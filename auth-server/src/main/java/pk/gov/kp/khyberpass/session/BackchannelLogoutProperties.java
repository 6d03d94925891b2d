package pk.gov.kp.khyberpass.session;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Back-channel logout delivery.
 *
 * @param timeout how long one delivery attempt may take
 * @param attempts how many times a logout token is sent before giving up
 * @param firstRetryDelay the delay before the first retry, doubled for each later one
 * @param tokenLifetime the logout token's lifetime ({@code exp - iat})
 * @param pollInterval how often each node looks for pending deliveries that are due
 */
@Validated
@ConfigurationProperties("khyberpass.session.backchannel-logout")
public record BackchannelLogoutProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("5") @Min(1) int attempts,
		@DefaultValue("1s") Duration firstRetryDelay, @DefaultValue("2m") Duration tokenLifetime,
		@DefaultValue("1s") Duration pollInterval) {
}
