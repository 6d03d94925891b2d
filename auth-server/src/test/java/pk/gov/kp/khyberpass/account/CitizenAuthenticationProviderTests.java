package pk.gov.kp.khyberpass.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.gov.kp.khyberpass.account.password.HashingCost;
import pk.gov.kp.khyberpass.account.password.PasswordHasher;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class CitizenAuthenticationProviderTests {

	private TestAccountStack stack;

	private CitizenAuthenticationProvider provider;

	private AccountId id;

	@BeforeEach
	void setUp() {
		this.stack = TestAccountStack.on(TestAccountStack.migratedH2(), HashingCost.BASELINE);
		this.provider = this.stack.authenticationProvider();
		this.id = this.stack.service().provision(TestAccounts.citizen().build());
	}

	@ParameterizedTest
	@ValueSource(strings = { "17301-1234567-5", "1730112345675", " 17301-1234567-5 ", "0300-1234567", "+92 300 1234567",
			"923001234567" })
	void authenticateWhenCnicOrMobileAndRightPasswordThenPrincipalIsAccountId(String username) {
		Authentication result = this.provider.authenticate(login(username, TestAccounts.PASSWORD));

		assertThat(result.isAuthenticated()).isTrue();
		assertThat(result.getName()).isEqualTo(this.id.toString());
		assertThat(result.getCredentials()).isNull();
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_CITIZEN", "FACTOR_PASSWORD");
	}

	@Test
	void authenticateWhenWrongPasswordThenBadCredentials() {
		assertThatThrownBy(() -> this.provider.authenticate(login("17301-1234567-5", "wrong password here")))
			.isInstanceOf(BadCredentialsException.class)
			.hasMessage(CitizenAuthenticationProvider.BAD_CREDENTIALS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "17301-1234567-4", "0311-0000000", "not a cnic", "", "<script>", "١٧٣٠١١٢٣٤٥٦٧٥" })
	void authenticateWhenUnknownAccountThenSameBadCredentials(String username) {
		assertThatThrownBy(() -> this.provider.authenticate(login(username, TestAccounts.PASSWORD)))
			.isInstanceOf(BadCredentialsException.class)
			.hasMessage(CitizenAuthenticationProvider.BAD_CREDENTIALS);
	}

	@Test
	void authenticateWhenUnknownAccountThenStillHashesOnce() {
		PasswordHasher hasher = spy(this.stack.hasher());
		CitizenAuthenticationProvider provider = new CitizenAuthenticationProvider(this.stack.repository(), hasher,
				java.time.Clock.systemUTC(), new java.security.SecureRandom());

		assertThatThrownBy(() -> provider.authenticate(login("42101-2222222-4", TestAccounts.PASSWORD)))
			.isInstanceOf(BadCredentialsException.class);

		verify(hasher, times(1)).verify(eq(TestAccounts.PASSWORD), anyString());
	}

	@Test
	void authenticateWhenLockedAndRightPasswordThenLocked() {
		setStatus(AccountStatus.LOCKED);

		assertThatThrownBy(() -> this.provider.authenticate(login("17301-1234567-5", TestAccounts.PASSWORD)))
			.isInstanceOf(LockedException.class);
	}

	@Test
	void authenticateWhenPasswordResetForcedAndRightPasswordThenCredentialsExpired() {
		AccountAdministration administration = new AccountAdministration(this.stack.repository(), (event) -> {
		}, java.time.Clock.systemUTC());
		administration.requirePasswordReset(this.id);

		assertThatThrownBy(() -> this.provider.authenticate(login("17301-1234567-5", TestAccounts.PASSWORD)))
			.isInstanceOf(CredentialsExpiredException.class);
		assertThatThrownBy(() -> this.provider.authenticate(login("17301-1234567-5", "wrong password here")))
			.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void authenticateWhenPasswordChangedAfterForcedResetThenSignsIn() {
		new AccountAdministration(this.stack.repository(), (event) -> {
		}, java.time.Clock.systemUTC()).requirePasswordReset(this.id);

		this.stack.repository()
			.changePassword(this.id, this.stack.hasher().hash(TestAccounts.PASSWORD), java.time.Instant.now());

		assertThat(this.provider.authenticate(login("17301-1234567-5", TestAccounts.PASSWORD)).isAuthenticated())
			.isTrue();
	}

	@Test
	void authenticateWhenLockedAndWrongPasswordThenBadCredentials() {
		setStatus(AccountStatus.LOCKED);

		assertThatThrownBy(() -> this.provider.authenticate(login("17301-1234567-5", "wrong password here")))
			.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void authenticateWhenDisabledThenDisabled() {
		setStatus(AccountStatus.DISABLED);

		assertThatThrownBy(() -> this.provider.authenticate(login("0300-1234567", TestAccounts.PASSWORD)))
			.isInstanceOf(DisabledException.class);
	}

	@Test
	void authenticateWhenHashBelowConfiguredCostThenRehashed() {
		PasswordHasher weak = new PasswordHasher(new HashingCost(8192, 1, 1), new java.security.SecureRandom());
		this.stack.repository().rehashPassword(this.id, weak.hash(TestAccounts.PASSWORD), java.time.Instant.now());

		this.provider.authenticate(login("17301-1234567-5", TestAccounts.PASSWORD));

		String hash = this.stack.repository().findById(this.id).orElseThrow().passwordHash();
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(this.stack.hasher().verify(TestAccounts.PASSWORD, hash)).isTrue();
	}

	@Test
	void authenticateWhenNoCredentialsThenBadCredentials() {
		assertThatThrownBy(() -> this.provider
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("17301-1234567-5", null)))
			.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void supportsWhenUsernamePasswordTokenThenTrue() {
		assertThat(this.provider.supports(UsernamePasswordAuthenticationToken.class)).isTrue();
		assertThat(this.provider.supports(Authentication.class)).isFalse();
	}

	private void setStatus(AccountStatus status) {
		this.stack.jdbc()
			.sql("UPDATE accounts SET status = ? WHERE id = ?")
			.params(status.name(), this.id.value())
			.update();
	}

	private static Authentication login(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

}
