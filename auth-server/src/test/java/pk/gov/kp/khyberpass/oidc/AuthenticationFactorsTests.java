package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationFactorsTests {

	private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

	@Test
	void ofWhenPasswordOnlyThenLoa1Pwd() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0)));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA1);
		assertThat(factors.amr()).containsExactly("pwd");
		assertThat(factors.authenticatedAt()).contains(T0);
	}

	@Test
	void ofWhenPasswordAndOneTimeTokenThenLoa2WithMfa() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0),
					factor(FactorGrantedAuthority.OTT_AUTHORITY, T0.plusSeconds(30))));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA2);
		assertThat(factors.amr()).containsExactly("pwd", "otp", "mfa");
		assertThat(factors.authenticatedAt()).contains(T0.plusSeconds(30));
	}

	@Test
	void ofWhenPasswordAndSmsCodeThenLoa2WithSmsAndMfa() {
		AuthenticationFactors factors = AuthenticationFactors.of(signedIn(
				factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0), factor("FACTOR_SMS", T0.plusSeconds(40))));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA2);
		assertThat(factors.amr()).containsExactly("pwd", "sms", "mfa");
	}

	@Test
	void ofWhenPasskeyAloneThenLoa3Hwk() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, T0)));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA3);
		assertThat(factors.amr()).containsExactly("hwk");
	}

	@Test
	void ofWhenPasskeyWithUserVerificationThenLoa3HwkUserMfa() {
		AuthenticationFactors factors = AuthenticationFactors.of(signedIn(
				factor(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, T0), factor("FACTOR_USER_VERIFICATION", T0)));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA3);
		assertThat(factors.amr()).containsExactly("hwk", "user", "mfa");
	}

	@Test
	void ofWhenPasswordAndPasskeyThenLoa3WithMfa() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0),
					factor(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, T0.plusSeconds(5))));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA3);
		assertThat(factors.amr()).containsExactly("pwd", "hwk", "mfa");
	}

	@Test
	void ofWhenAuthTimeThenLatestFactorWhateverTheOrder() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.OTT_AUTHORITY, T0.plusSeconds(60)),
					factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0)));

		assertThat(factors.authenticatedAt()).contains(T0.plusSeconds(60));
	}

	@Test
	void ofWhenSameFactorTwiceThenListedOnceAndNotMfa() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0),
					factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0.plusSeconds(600))));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA1);
		assertThat(factors.amr()).containsExactly("pwd");
		assertThat(factors.authenticatedAt()).contains(T0.plusSeconds(600));
	}

	@Test
	void ofWhenOtherFactorThenUser() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.X509_AUTHORITY, T0)));

		assertThat(factors.amr()).containsExactly("user");
		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA1);
	}

	@Test
	void ofWhenOnlyRoleAuthoritiesThenLoa1NoMethodsNoTime() {
		AuthenticationFactors factors = AuthenticationFactors.of(signedIn(new SimpleGrantedAuthority("ROLE_CITIZEN")));

		assertThat(factors.acr()).isEqualTo(AssuranceLevels.LOA1);
		assertThat(factors.amr()).isEmpty();
		assertThat(factors.authenticatedAt()).isEmpty();
	}

	@Test
	void ofWhenRoleAuthoritiesBesideFactorsThenRolesIgnored() {
		AuthenticationFactors factors = AuthenticationFactors.of(signedIn(new SimpleGrantedAuthority("ROLE_CITIZEN"),
				factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0)));

		assertThat(factors.amr()).containsExactly("pwd");
	}

	@Test
	void ofWhenCalledThenAmrUnmodifiable() {
		AuthenticationFactors factors = AuthenticationFactors
			.of(signedIn(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY, T0)));

		assertThat(factors.amr()).isUnmodifiable();
	}

	private static FactorGrantedAuthority factor(String authority, Instant issuedAt) {
		return FactorGrantedAuthority.withAuthority(authority).issuedAt(issuedAt).build();
	}

	private static UsernamePasswordAuthenticationToken signedIn(GrantedAuthority... authorities) {
		return UsernamePasswordAuthenticationToken.authenticated("account-1", null,
				new ArrayList<>(List.of(authorities)));
	}

}
