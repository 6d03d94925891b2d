package pk.gov.kp.khyberpass.account;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.account.password.HashingCost;
import pk.gov.kp.khyberpass.cnic.Cnic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AccountService} over an in-memory H2 database in PostgreSQL mode (no Spring
 * context).
 */
class AccountServiceTests {

	private TestAccountStack stack;

	@BeforeEach
	void setUp() {
		this.stack = TestAccountStack.on(TestAccountStack.migratedH2(), HashingCost.BASELINE);
	}

	@Test
	void provisionWhenNewCnicThenCreatesActiveAccount() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());

		Account account = this.stack.service().findById(id).orElseThrow();
		assertThat(account.cnic()).isEqualTo(Cnic.parse("17301-1234567-5"));
		assertThat(account.fullName()).isEqualTo("Gul Khan");
		assertThat(account.mobile()).isEqualTo(MobileNumber.parse("+923001234567"));
		assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
	}

	@Test
	void provisionWhenNewCnicThenStoresNoClearCnic() {
		this.stack.service().provision(TestAccounts.citizen().build());

		String row = this.stack.jdbc()
			.sql("SELECT CAST(cnic_ciphertext AS VARCHAR) || cnic_blind_index || cnic_key_id FROM accounts")
			.query(String.class)
			.single();
		assertThat(row).doesNotContain("1730112345675").doesNotContain("1234567");
	}

	@Test
	void provisionWhenSameCnicTwiceThenSameAccountAndPasswordHashKept() {
		AccountId first = this.stack.service().provision(TestAccounts.citizen().build());
		String hash = storedHash(first);

		AccountId second = this.stack.service().provision(TestAccounts.citizen().build());

		assertThat(second).isEqualTo(first);
		assertThat(storedHash(second)).isEqualTo(hash);
		assertThat(count()).isOne();
	}

	@Test
	void provisionWhenDetailsChangedThenUpdatesProfile() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());

		this.stack.service()
			.provision(TestAccounts.citizen()
				.fullName("Gul Khan Yousafzai")
				.birthDate(LocalDate.of(1991, 1, 1))
				.mobile("0345 7654321")
				.build());

		Account account = this.stack.service().findById(id).orElseThrow();
		assertThat(account.fullName()).isEqualTo("Gul Khan Yousafzai");
		assertThat(account.birthDate()).isEqualTo(LocalDate.of(1991, 1, 1));
		assertThat(account.mobile()).isEqualTo(MobileNumber.parse("03457654321"));
	}

	@Test
	void provisionWhenPasswordChangedThenRehashesAndNewPasswordVerifies() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());
		String oldHash = storedHash(id);

		this.stack.service().provision(TestAccounts.citizen().password("a different long passphrase").build());

		String newHash = storedHash(id);
		assertThat(newHash).isNotEqualTo(oldHash);
		assertThat(this.stack.hasher().verify("a different long passphrase", newHash)).isTrue();
	}

	@Test
	void provisionWhenMobileOfAnotherAccountThenThrowsMobileNumberTakenException() {
		this.stack.service().provision(TestAccounts.citizen().build());

		assertThatThrownBy(() -> this.stack.service().provision(TestAccounts.citizen().cnic("42101-2222222-4").build()))
			.isInstanceOf(MobileNumberTakenException.class)
			.hasMessageNotContaining("1234567");
	}

	@Test
	void provisionWhenNoMobileThenSeveralAccountsWithoutMobile() {
		this.stack.service().provision(TestAccounts.citizen().mobile(null).build());
		this.stack.service().provision(TestAccounts.citizen().cnic("42101-2222222-4").mobile(null).build());

		assertThat(count()).isEqualTo(2);
	}

	@Test
	void findByCnicWhenFormattedDifferentlyThenFound() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());

		assertThat(this.stack.service().findByCnic(Cnic.parse("1730112345675"))).map(Account::id).contains(id);
	}

	@Test
	void findByMobileWhenKnownThenFound() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());

		assertThat(this.stack.service().findByMobile(MobileNumber.parse("+92 300 1234567"))).map(Account::id)
			.contains(id);
	}

	@Test
	void findWhenUnknownThenEmpty() {
		this.stack.service().provision(TestAccounts.citizen().build());

		assertThat(this.stack.service().findByCnic(Cnic.parse("17301-1234567-4"))).isEmpty();
		assertThat(this.stack.service().findByMobile(MobileNumber.parse("0311 0000000"))).isEmpty();
		assertThat(this.stack.service().findById(AccountId.parse("00000000-0000-4000-8000-000000000000"))).isEmpty();
	}

	@Test
	void toStringWhenAccountThenNoPersonalData() {
		AccountId id = this.stack.service().provision(TestAccounts.citizen().build());

		assertThat(this.stack.service().findById(id).orElseThrow().toString()).doesNotContain("Gul")
			.doesNotContain("1234567")
			.contains(id.toString());
	}

	private String storedHash(AccountId id) {
		return this.stack.repository().findById(id).orElseThrow().passwordHash();
	}

	private long count() {
		return this.stack.jdbc().sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
	}

}
