package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.RegisteredDepartmentClient;

/**
 * A department client as the admin API shows it (never its secret).
 * {@code claimsAllowed}, {@code accessTokenLifetime}, {@code idTokenLifetime} and
 * {@code jwks} are {@code null} when not set (every claim the scopes give, the server's
 * lifetimes, no inline keys).
 */
record ClientView(String clientId, String clientName, boolean enabled, String authMethod, List<String> grantTypes,
		List<URI> redirectUris, List<URI> postLogoutRedirectUris, List<String> scopes, @Nullable String sector,
		boolean publicSubject, boolean requireConsent, String minAcr, @Nullable URI backchannelLogoutUri,
		@Nullable URI jwksUri, String idTokenSigningAlg, String refreshTokenLifetime, List<URI> audiences,
		@Nullable List<String> claimsAllowed, @Nullable String accessTokenLifetime, @Nullable String idTokenLifetime,
		@Nullable Map<String, Object> jwks, Instant issuedAt, @Nullable Instant previousSecretValidUntil) {

	static ClientView of(RegisteredDepartmentClient registered) {
		DepartmentClient client = registered.client();
		return new ClientView(client.clientId(), client.clientName(), registered.enabled(), client.authMethod().value(),
				List.copyOf(new TreeSet<>(client.grantTypes())), client.redirectUris(), client.postLogoutRedirectUris(),
				List.copyOf(new TreeSet<>(client.scopes())), client.sector(), client.publicSubject(),
				client.requireConsent(), client.minAcr(), client.backchannelLogoutUri(), client.jwkSetUri(),
				client.idTokenSigningAlgorithm(), client.refreshTokenLifetime().toString(), client.audiences(),
				(client.claimsAllowed() != null) ? List.copyOf(new TreeSet<>(client.claimsAllowed())) : null,
				text(client.accessTokenLifetime()), text(client.idTokenLifetime()),
				(client.jwks() != null) ? client.jwks().toJsonObject() : null, registered.issuedAt(),
				registered.previousSecretValidUntil());
	}

	private static @Nullable String text(@Nullable Duration duration) {
		return (duration != null) ? duration.toString() : null;
	}

}
