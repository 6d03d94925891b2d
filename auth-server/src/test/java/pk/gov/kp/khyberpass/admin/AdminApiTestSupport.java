package pk.gov.kp.khyberpass.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * What the admin API ITs share: the audience and console client they run with, access
 * tokens signed by the server's own keys with chosen claims (passkey sign-in is not
 * reachable in these tests), and plain HTTP.
 */
final class AdminApiTestSupport {

	/**
	 * The admin API audience the ITs configure (and the integration seed gives the
	 * console client).
	 */
	static final String AUDIENCE = "https://admin-api.integration.test";

	static final String CONSOLE = "khyberpass-admin-console";

	static final String LOA2 = "urn:kp:loa:2";

	static final String LOA3 = "urn:kp:loa:3";

	static final String ALPHA_CNIC = "17301-5550001-1";

	static final String BRAVO_CNIC = "17301-5550002-2";

	static final String CHARLIE_CNIC = "17301-5550003-3";

	static final String DELTA_CNIC = "17301-5550004-4";

	static final String DELTA_PASSWORD = "support-delta-long-integration-passphrase";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JwtEncoder encoder;

	private final URI issuer;

	AdminApiTestSupport(JwtEncoder encoder, URI issuer) {
		this.encoder = encoder;
		this.issuer = issuer;
	}

	/** An RFC 9068 access token as this server would issue it, with the given claims. */
	String token(String clientId, String audience, String acr, String subject) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer.toString())
			.subject(subject)
			.audience(List.of(audience))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(Duration.ofMinutes(5)))
			.id(UUID.randomUUID().toString())
			.claim("client_id", clientId)
			.claim("acr", acr)
			.claim("scope", "openid")
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).type("at+jwt").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** A console token at {@code urn:kp:loa:3} for the account. */
	String adminToken(String accountId) {
		return token(CONSOLE, AUDIENCE, LOA3, accountId);
	}

	HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.issuer.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> get(String path, @Nullable String token) {
		return send("GET", path, token, null);
	}

	HttpResponse<String> post(String path, @Nullable String token, String json) {
		return send("POST", path, token, json);
	}

	/** A JSON body with just a reason. */
	static String reason(String reason) {
		return "{\"reason\":\"" + reason + "\"}";
	}

}
