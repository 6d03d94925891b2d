package pk.gov.kp.khyberpass.oidc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EssentialAcrTests {

	@Test
	void valuesWhenIdTokenAcrEssentialWithValuesThenReturned() {
		assertThat(EssentialAcr
			.values("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"urn:kp:loa:2\",\"urn:kp:loa:3\"]}}}"))
			.containsExactly("urn:kp:loa:2", "urn:kp:loa:3");
	}

	@Test
	void valuesWhenUserinfoAcrEssentialWithValueThenReturned() {
		assertThat(EssentialAcr.values("{\"userinfo\":{\"acr\":{\"essential\":true,\"value\":\"urn:kp:loa:2\"}}}"))
			.containsExactly("urn:kp:loa:2");
	}

	@Test
	void valuesWhenAcrNotEssentialThenNone() {
		assertThat(EssentialAcr.values("{\"id_token\":{\"acr\":{\"values\":[\"urn:kp:loa:2\"]}}}")).isEmpty();
	}

	@Test
	void valuesWhenMalformedOrHostileThenNone() {
		assertThat(EssentialAcr.values("{not json")).isEmpty();
		assertThat(EssentialAcr.values("[1,2,3]")).isEmpty();
		assertThat(EssentialAcr.values("{\"id_token\":{\"acr\":{\"essential\":\"yes\",\"values\":[1]}}}")).isEmpty();
	}

}
