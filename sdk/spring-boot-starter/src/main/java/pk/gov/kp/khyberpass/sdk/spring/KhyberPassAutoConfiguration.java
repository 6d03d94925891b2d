package pk.gov.kp.khyberpass.sdk.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.ReplayStore;
import pk.gov.kp.khyberpass.sdk.SessionRenewals;

/**
 * Auto-configures the shared {@link KhyberPassClient} from {@link KhyberPassProperties},
 * and {@link KhyberPassServiceTokens}. Backs off for a client the application defines
 * itself; uses the application's {@link Clock} bean, if it has one, its
 * {@link ReplayStore} bean (such as the Redis one of
 * {@code KhyberPassRedisAutoConfiguration}) for back-channel logout tokens, and its
 * {@link SessionRenewals} bean (such as the Redis one) to renew citizens' access tokens
 * once across nodes.
 */
@AutoConfiguration
@EnableConfigurationProperties(KhyberPassProperties.class)
public final class KhyberPassAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KhyberPassClient khyberPassClient(KhyberPassProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<ReplayStore> replayStore, ObjectProvider<SessionRenewals> sessionRenewals) {
		KhyberPassClient.Builder builder = KhyberPassClient
			.builder(properties.issuer(), properties.clientId(), clientAuthentication(properties))
			.clockSkew(properties.clockSkew())
			.sessionTokenRefreshMargin(properties.sessionTokenRefreshMargin());
		clock.ifUnique(builder::clock);
		replayStore.ifUnique(builder::logoutReplayStore);
		sessionRenewals.ifUnique(builder::sessionRenewals);
		if (properties.apiAudience() != null) {
			builder.accessTokenAudience(properties.apiAudience());
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	KhyberPassServiceTokens khyberPassServiceTokens(KhyberPassClient client) {
		return new KhyberPassServiceTokens(client);
	}

	private static ClientAuthentication clientAuthentication(KhyberPassProperties properties) {
		return switch (properties.clientAuthentication()) {
			case CLIENT_SECRET_BASIC -> ClientAuthentication.clientSecretBasic(properties.clientSecret());
			case CLIENT_SECRET_POST -> ClientAuthentication.clientSecretPost(properties.clientSecret());
			case PRIVATE_KEY_JWT -> ClientAuthentication.privateKeyJwt(privateKey(properties.privateKey()));
			case NONE -> ClientAuthentication.none();
		};
	}

	private static JWK privateKey(Resource resource) {
		try {
			return JWK.parse(resource.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException | ParseException ex) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.private-key",
					"cannot be read as a JWK from " + resource.getDescription() + " (" + ex.getClass().getSimpleName()
							+ ")",
					"Set khyberpass.private-key to a readable file holding the department's private JWK as JSON");
		}
	}

}
