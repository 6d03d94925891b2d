package pk.gov.kp.khyberpass.account.registration;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.cnic.Cnic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SyntheticCivilRegistryTests {

	private static final Cnic AYESHA = Cnic.parse("17301-1234567-2");

	private static final LocalDate AYESHA_BORN = LocalDate.of(1990, 4, 12);

	private final SyntheticCivilRegistry registry = shipped();

	@Test
	void readWhenShippedFileThenDemoCitizenAndAtLeastTwentyMore() {
		assertThat(this.registry.size()).isGreaterThanOrEqualTo(21);
		assertThat(this.registry.confirms(AYESHA, "Ayesha Khan", AYESHA_BORN)).isTrue();
	}

	@Test
	void confirmsWhenNameDiffersInCaseAndSpacingThenTrue() {
		assertThat(this.registry.confirms(AYESHA, "  ayesha   KHAN ", AYESHA_BORN)).isTrue();
	}

	@Test
	void confirmsWhenCnicTypedWithoutDashesThenTrue() {
		assertThat(this.registry.confirms(Cnic.parse("1730112345672"), "Ayesha Khan", AYESHA_BORN)).isTrue();
	}

	@Test
	void confirmsWhenNameDifferentThenFalse() {
		assertThat(this.registry.confirms(AYESHA, "Ayesha Khanum", AYESHA_BORN)).isFalse();
	}

	@Test
	void confirmsWhenBirthDateDifferentThenFalse() {
		assertThat(this.registry.confirms(AYESHA, "Ayesha Khan", AYESHA_BORN.plusDays(1))).isFalse();
	}

	@Test
	void confirmsWhenCnicUnknownThenFalse() {
		assertThat(this.registry.confirms(Cnic.parse("17301-0000000-2"), "Ayesha Khan", AYESHA_BORN)).isFalse();
	}

	@Test
	void readWhenLineHasTwoFieldsThenRefused() {
		InputStream csv = new ByteArrayInputStream(
				"cnic,full_name,birth_date\n17301-1234567-2,Ayesha Khan\n".getBytes(StandardCharsets.UTF_8));

		assertThatIllegalArgumentException().isThrownBy(() -> SyntheticCivilRegistry.read(csv));
	}

	private static SyntheticCivilRegistry shipped() {
		return SyntheticCivilRegistry.read(SyntheticCivilRegistryTests.class.getClassLoader()
			.getResourceAsStream("civil-registry/synthetic-records.csv"));
	}

}
