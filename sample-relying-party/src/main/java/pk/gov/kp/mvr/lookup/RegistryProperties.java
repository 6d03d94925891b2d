package pk.gov.kp.mvr.lookup;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the vehicle registry API is and what to ask Khyber Pass for to call it.
 *
 * @param baseUrl the API's base URL, such as {@code https://registry.mvr.kp.gov.pk/api};
 * in the sample the service calls its own API
 * @param scope the scope of the service token the API needs
 */
@ConfigurationProperties("mvr.registry")
public record RegistryProperties(@DefaultValue("http://127.0.0.1:8080/api") URI baseUrl,
		@DefaultValue("vehicles.read") String scope) {
}
