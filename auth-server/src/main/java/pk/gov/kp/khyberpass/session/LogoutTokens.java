package pk.gov.kp.khyberpass.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.oidc.OidcProperties;
import pk.gov.kp.khyberpass.oidc.SessionParticipant;

/**
 * Logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4): {@code typ: logout+jwt},
 * the department as audience, its subject and {@code sid}, the back-channel logout event,
 * a fresh {@code jti}, a lifetime of about two minutes, and never a {@code nonce}.
 */
@Component
final class LogoutTokens {

	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private final JwtEncoder encoder;

	private final OidcProperties oidc;

	private final BackchannelLogoutProperties properties;

	private final Clock clock;

	LogoutTokens(JwtEncoder encoder, OidcProperties oidc, BackchannelLogoutProperties properties, Clock clock) {
		this.encoder = encoder;
		this.oidc = oidc;
		this.properties = properties;
		this.clock = clock;
	}

	String issue(SessionParticipant participant) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.oidc.issuer().toString())
			.audience(java.util.List.of(participant.clientId()))
			.subject(participant.subject())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.tokenLifetime()))
			.id(UUID.randomUUID().toString())
			// no sid: the logout is of every session of the subject there (Back-Channel
			// Logout 1.0 §2.4)
			.claims((all) -> participant.sessionId().ifPresent((sid) -> all.put("sid", sid)))
			.claim("events", Map.of(EVENT, Map.of()))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(participant.signingAlgorithm()))
			.type("logout+jwt")
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

}
