package pk.gov.kp.khyberpass.seed;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.ApiScopes;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.DepartmentClients;
import pk.gov.kp.khyberpass.oidc.OidcProperties;

/**
 * Applies the seed file at start-up, idempotently, and prints what a developer needs to
 * start: the issuer, the API scopes described, the clients (with any generated secret,
 * shown this once) and the demo citizens.
 */
@Component
@Order(0)
final class SeedRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedRunner.class);

	private final SeedProperties properties;

	private final DepartmentClients clients;

	private final CitizenSeeder citizens;

	private final OidcProperties oidc;

	private final ApiScopes apiScopes;

	SeedRunner(SeedProperties properties, DepartmentClients clients, CitizenSeeder citizens, OidcProperties oidc,
			ApiScopes apiScopes) {
		this.properties = properties;
		this.clients = clients;
		this.citizens = citizens;
		this.oidc = oidc;
		this.apiScopes = apiScopes;
	}

	@Override
	public void run(ApplicationArguments args) {
		StringBuilder banner = new StringBuilder("\n\n  Khyber Pass is running. Issuer: ").append(this.oidc.issuer())
			.append("\n  Discovery: ")
			.append(this.oidc.issuer())
			.append("/.well-known/openid-configuration\n");
		if (this.properties.seed() != null) {
			SeedFile seed = SeedFile.parse(this.properties.seed());
			for (ApiScope scope : seed.apiScopes()) {
				this.apiScopes.seed(scope);
				banner.append("  API scope ").append(scope.name()).append('\n');
			}
			for (DepartmentClient client : seed.clients()) {
				Optional<String> generated = this.clients.register(client);
				banner.append("  Client ").append(client.clientId());
				generated.ifPresent((secret) -> banner.append("  generated secret (shown once): ").append(secret));
				banner.append('\n');
			}
			for (SeedCitizen citizen : seed.citizens()) {
				banner.append("  Citizen ").append(this.citizens.seed(citizen)).append('\n');
			}
		}
		// System.out on purpose: the generated secret is for the operator's eyes, never
		// for the log files.
		System.out.println(banner);
		log.info("Seeding finished");
	}

}
