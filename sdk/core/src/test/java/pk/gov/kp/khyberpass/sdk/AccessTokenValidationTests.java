package pk.gov.kp.khyberpass.sdk;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a valid access token yields, and the settings that change what is accepted.
 */
class AccessTokenValidationTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client().build();

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void verifyAccessTokenWhenValidThenTypedClaims() {
		VerifiedAccessToken token = this.client.verifyAccessToken(this.provider.accessToken().sign());

		assertThat(token.subject()).isEqualTo("citizen-123");
		assertThat(token.issuer()).isEqualTo(this.provider.issuer());
		assertThat(token.audience()).containsExactly(TestOpenIdProvider.CLIENT_ID);
		assertThat(token.clientId()).contains(TestOpenIdProvider.CLIENT_ID);
		assertThat(token.scopes()).containsExactly("openid", "vehicles.read");
		assertThat(token.hasScope("vehicles.read")).isTrue();
		assertThat(token.assuranceLevel()).contains(AssuranceLevel.LOA2);
		assertThat(token.amr()).containsExactly("pwd", "otp");
		assertThat(token.expiresAt()).isEqualTo(TestOpenIdProvider.START.plusSeconds(300));
		assertThat(token.claims()).containsEntry("sub", "citizen-123");
	}

	@Test
	void verifyAccessTokenWhenScpListThenScopes() {
		String jwt = this.provider.accessToken().claim("scope", null).claim("scp", List.of("a", "b")).sign();

		assertThat(this.client.verifyAccessToken(jwt).scopes()).containsExactly("a", "b");
	}

	@Test
	void verifyAccessTokenWhenMediaTypeFormOfTypThenAccepted() {
		String jwt = this.provider.accessToken().typ("application/at+jwt").sign();

		assertThat(this.client.verifyAccessToken(jwt).subject()).isEqualTo("citizen-123");
	}

	@Test
	void verifyAccessTokenWhenRsaAlgorithmsThenAccepted() {
		String rs256 = this.provider.accessToken()
			.key(this.provider.rsaKey())
			.kid("rsa-1")
			.alg(JWSAlgorithm.RS256)
			.sign();
		String ps256 = this.provider.accessToken()
			.key(this.provider.rsaKey())
			.kid("rsa-1")
			.alg(JWSAlgorithm.PS256)
			.sign();

		assertThat(this.client.verifyAccessToken(rs256).subject()).isEqualTo("citizen-123");
		assertThat(this.client.verifyAccessToken(ps256).subject()).isEqualTo("citizen-123");
	}

	@Test
	void verifyAccessTokenWhenHigherAcrThanRequiredThenAccepted() {
		String jwt = this.provider.accessToken().claim("acr", AssuranceLevel.LOA3.value()).sign();

		assertThat(this.client.verifyAccessToken(jwt, AssuranceLevel.LOA2).acr()).contains("urn:kp:loa:3");
	}

	@Test
	void verifyAccessTokenWhenWithinClockSkewThenAccepted() {
		String jwt = this.provider.accessToken()
			.times(this.provider.clock().instant().minusSeconds(300), this.provider.clock().instant().minusSeconds(9))
			.claim("nbf", this.provider.clock().instant().plusSeconds(9).getEpochSecond())
			.sign();

		assertThat(this.client.verifyAccessToken(jwt).subject()).isEqualTo("citizen-123");
	}

	@Test
	void verifyAccessTokenWhenConfiguredAudienceThenClientIdNoLongerAccepted() {
		KhyberPassClient api = this.provider.client().accessTokenAudience("vehicles-api").build();
		String forApi = this.provider.accessToken().claim("aud", List.of("vehicles-api", "other")).sign();
		String forClient = this.provider.accessToken().sign();

		assertThat(api.verifyAccessToken(forApi).audience()).contains("vehicles-api");
		assertThatThrownBy(() -> api.verifyAccessToken(forClient)).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.AUDIENCE));
		api.close();
	}

	@Test
	void verifyAccessTokenWhenLargerSkewConfiguredThenOlderTokenAccepted() {
		KhyberPassClient lenient = this.provider.client().clockSkew(Duration.ofSeconds(60)).build();
		String jwt = this.provider.accessToken()
			.times(this.provider.clock().instant().minusSeconds(300), this.provider.clock().instant().minusSeconds(30))
			.sign();

		assertThat(lenient.verifyAccessToken(jwt).subject()).isEqualTo("citizen-123");
		lenient.close();
	}

	@Test
	void verifyAccessTokenWhenNullThenMalformed() {
		assertThatThrownBy(() -> this.client.verifyAccessToken(null)).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.MALFORMED));
	}

}
