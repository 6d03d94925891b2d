package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.oidc.AssuranceLevels;

/**
 * Turns a verified access token into the administrator's authorities. A token that is
 * genuine but not an admin token (another client, another audience, below
 * {@code urn:kp:loa:3}) or whose subject holds no admin role gets no authority, so every
 * endpoint answers 403 to it.
 */
final class AdminTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private static final Logger log = LoggerFactory.getLogger(AdminTokenConverter.class);

	private final String consoleClientId;

	private final URI audience;

	private final AdminRoles roles;

	AdminTokenConverter(String consoleClientId, URI audience, AdminRoles roles) {
		this.consoleClientId = consoleClientId;
		this.audience = audience;
		this.roles = roles;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
	}

	private List<GrantedAuthority> authorities(Jwt jwt) {
		if (!this.consoleClientId.equals(jwt.getClaimAsString("client_id"))) {
			log.debug("Admin API refused a token of another client");
			return List.of();
		}
		List<String> audiences = jwt.getAudience();
		if (audiences == null || !audiences.contains(this.audience.toString())) {
			log.debug("Admin API refused a token without its audience");
			return List.of();
		}
		if (!AssuranceLevels.LOA3.equals(jwt.getClaimAsString("acr"))) {
			log.debug("Admin API refused a token below {}", AssuranceLevels.LOA3);
			return List.of();
		}
		AccountId account;
		try {
			account = AccountId.parse(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			log.debug("Admin API refused a token whose subject is not an account id");
			return List.of();
		}
		Set<AdminRole> held = this.roles.rolesOf(account);
		if (held.isEmpty()) {
			log.debug("Admin API refused account {}: no admin role", account);
		}
		return held.stream().<GrantedAuthority>map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

}
