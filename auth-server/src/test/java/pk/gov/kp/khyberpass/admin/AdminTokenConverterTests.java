package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import pk.gov.kp.khyberpass.account.AccountId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;

class AdminTokenConverterTests {

	private static final String CONSOLE = "khyberpass-admin-console";

	private static final URI AUDIENCE = URI.create("https://id.kp.gov.pk/admin/api");

	private static final AccountId ADMIN = new AccountId(UUID.fromString("7b0e8c1e-2f4a-4d6b-9a51-3c7f1e2d4a10"));

	private final AdminRoles roles = mock(AdminRoles.class);

	private final AdminTokenConverter converter = new AdminTokenConverter(CONSOLE, AUDIENCE, this.roles);

	@Test
	void convertWhenConsoleTokenAtLoa3ForAdminThenRoleAuthorities() {
		given(this.roles.rolesOf(ADMIN)).willReturn(EnumSet.of(AdminRole.HELPDESK, AdminRole.AUDITOR));

		List<String> authorities = authorities(jwt(CONSOLE, AUDIENCE.toString(), "urn:kp:loa:3", ADMIN.toString()));

		assertThat(authorities).containsExactlyInAnyOrder("ADMIN_HELPDESK", "ADMIN_AUDITOR");
	}

	@Test
	void convertWhenOtherClientThenNoAuthorityAndNoRoleLookup() {
		assertThat(authorities(jwt("it-confidential", AUDIENCE.toString(), "urn:kp:loa:3", ADMIN.toString())))
			.isEmpty();
		verify(this.roles, never()).rolesOf(any());
	}

	@Test
	void convertWhenOtherAudienceThenNoAuthority() {
		assertThat(authorities(jwt(CONSOLE, "https://mvr.kp.gov.pk/api", "urn:kp:loa:3", ADMIN.toString()))).isEmpty();
	}

	@Test
	void convertWhenBelowLoa3ThenNoAuthority() {
		given(this.roles.rolesOf(ADMIN)).willReturn(EnumSet.of(AdminRole.SECURITY_ADMIN));

		assertThat(authorities(jwt(CONSOLE, AUDIENCE.toString(), "urn:kp:loa:2", ADMIN.toString()))).isEmpty();
	}

	@Test
	void convertWhenSubjectNotAnAccountIdThenNoAuthority() {
		assertThat(authorities(jwt(CONSOLE, AUDIENCE.toString(), "urn:kp:loa:3", "pairwise-Zm9vYmFy"))).isEmpty();
	}

	@Test
	void convertWhenAccountHoldsNoRoleThenNoAuthority() {
		given(this.roles.rolesOf(ADMIN)).willReturn(EnumSet.noneOf(AdminRole.class));

		assertThat(authorities(jwt(CONSOLE, AUDIENCE.toString(), "urn:kp:loa:3", ADMIN.toString()))).isEmpty();
	}

	private List<String> authorities(Jwt jwt) {
		return this.converter.convert(jwt).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	private static Jwt jwt(String clientId, String audience, String acr, String subject) {
		Instant now = Instant.now();
		return new Jwt("token", now, now.plusSeconds(300), Map.of("alg", "ES256", "typ", "at+jwt"),
				Map.of("sub", subject, "aud", List.of(audience), "client_id", clientId, "acr", acr));
	}

}
