package pk.gov.kp.khyberpass.seed;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Start-up seeding.
 *
 * @param seed the seed file ({@code KHYBERPASS_SEED}), a path or {@code classpath:}
 * location; none means no seeding
 * @param seedPrintCredentials whether the start-up banner shows seeded citizens' CNIC and
 * password: on for the development default's demo account only
 */
@ConfigurationProperties("khyberpass")
public record SeedProperties(@Nullable Resource seed, @DefaultValue("false") boolean seedPrintCredentials) {
}
