package pk.gov.kp.khyberpass.account;

import java.security.SecureRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountIdTests {

	@Test
	void generateWhenCalledThenRandomVersion4Uuid() {
		AccountId id = AccountId.generate(new SecureRandom());

		assertThat(id.value().version()).isEqualTo(4);
		assertThat(id.value().variant()).isEqualTo(2);
		assertThat(id).isNotEqualTo(AccountId.generate(new SecureRandom()));
	}

	@Test
	void toStringWhenCalledThenUuidString() {
		UUID uuid = UUID.randomUUID();

		assertThat(new AccountId(uuid)).hasToString(uuid.toString());
		assertThat(AccountId.parse(uuid.toString())).isEqualTo(new AccountId(uuid));
	}

	@Test
	void parseWhenNotUuidThenThrowsIllegalArgumentException() {
		assertThatThrownBy(() -> AccountId.parse("17301-1234567-5")).isInstanceOf(IllegalArgumentException.class);
	}

}
