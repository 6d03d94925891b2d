package pk.gov.kp.khyberpass.keys;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Key management settings.
 *
 * @param masterKey the base64 form of the 256-bit master key ({@code KHYBERPASS_MASTER_KEY}); required in
 * production
 * @param masterKeyFile a file holding the master key, created with a fresh key when absent; for the
 * development default only, where no master key is given
 */
@ConfigurationProperties("khyberpass.keys")
public record KeysProperties(@Nullable String masterKey, @Nullable Path masterKeyFile) {
}
