package pk.gov.kp.khyberpass.admin.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFormsTests {

	@Test
	void clientFormWhenSubmittedThenApiRequestWithListsFlagsAndReason() {
		ClientForm form = ClientForm
			.of(Map.of("clientId", new String[] { " mvr " }, "clientName", new String[] { "Motor Vehicles" },
					"grantTypes", new String[] { "authorization_code refresh_token" }, "redirectUris",
					new String[] { "https://mvr.example.pk/callback\r\nhttps://mvr.example.pk/cb2" }, "requireConsent",
					new String[] { "true" }, "sector", new String[] { "" }, "unknown", new String[] { "ignored" }));

		Map<String, Object> request = form.request("new department", null);

		assertThat(request).containsEntry("reason", "new department")
			.containsEntry("clientId", "mvr")
			.containsEntry("grantTypes", List.of("authorization_code", "refresh_token"))
			.containsEntry("redirectUris", List.of("https://mvr.example.pk/callback", "https://mvr.example.pk/cb2"))
			.containsEntry("requireConsent", true)
			.containsEntry("publicSubject", false)
			.doesNotContainKeys("sector", "unknown", "scopes");
	}

	@Test
	void clientFormWhenEditingThenClientIdLeftToThePath() {
		ClientForm form = ClientForm
			.fromClient(Map.of("clientId", "mvr", "scopes", List.of("openid", "profile"), "requireConsent", false));

		Map<String, Object> request = form.request("rename", "mvr");

		assertThat(request).doesNotContainKey("clientId")
			.containsEntry("scopes", List.of("openid", "profile"))
			.containsEntry("requireConsent", false);
	}

	@Test
	void clientFormWhenEditingClientWithPoliciesThenRequestCarriesThemBack() {
		Map<String, Object> jwks = Map.of("keys", List.of(Map.of("kty", "EC", "crv", "P-256", "x",
				"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")));
		ClientForm form = ClientForm.fromClient(Map.of("clientId", "mvr", "claimsAllowed", List.of("birthdate", "name"),
				"accessTokenLifetime", "PT2M", "jwks", jwks));

		Map<String, Object> request = form.request("keys", "mvr");

		assertThat(request).containsEntry("claimsAllowed", List.of("birthdate", "name"))
			.containsEntry("accessTokenLifetime", "PT2M")
			.doesNotContainKey("idTokenLifetime");
		assertThat((String) request.get("jwks")).startsWith("{\"keys\":[{").contains("\"crv\":\"P-256\"");
	}

	@Test
	void clientFormWhenPoliciesLeftEmptyThenLeftOutForServerDefaults() {
		ClientForm form = ClientForm.of(Map.of("clientId", new String[] { "mvr" }, "claimsAllowed",
				new String[] { " " }, "jwks", new String[] { "" }));

		assertThat(form.request("new", null)).doesNotContainKeys("claimsAllowed", "jwks", "accessTokenLifetime",
				"idTokenLifetime");
	}

	@Test
	void reasonWhenTooShortOrLongThenNone() {
		assertThat(Confirmation.reason(null)).isNull();
		assertThat(Confirmation.reason("  ab  ")).isNull();
		assertThat(Confirmation.reason("x".repeat(501))).isNull();
		assertThat(Confirmation.reason("  lost phone ")).isEqualTo("lost phone");
	}

	@Test
	void apiProblemWhenDetailThenShownAsTheApiSaidIt() {
		ConsoleApiException problem = ConsoleApiException.of(400,
				"{\"type\":\"about:blank\",\"detail\":\"clientId is \\\"taken\\\"\",\"field\":\"clientId\"}");

		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.getMessage()).isEqualTo("clientId is \"taken\"");
		assertThat(ConsoleApiException.of(404, "").getMessage()).isEmpty();
	}

	@Test
	void apiProblemWhenFieldNamedThenKeptForTheForm() {
		ConsoleApiException problem = ConsoleApiException.of(400,
				"{\"detail\":\"description-ur is too long\",\"field\":\"descriptionUr\",\"status\":400}");

		assertThat(problem.field()).isEqualTo("descriptionUr");
		assertThat(ConsoleApiException.of(400, "{\"detail\":\"no\"}").field()).isNull();
	}

	@Test
	void scopeFormWhenSubmittedThenApiRequestWithReasonAndWithoutEmptyLanguages() {
		ScopeForm form = ScopeForm.of(Map.of("name", new String[] { " vehicles.read " }, "descriptionEn",
				new String[] { " The vehicles registered in your name " }, "descriptionUr", new String[] { "  " },
				"descriptionPs", new String[] { "ستاسو په نوم ثبت شوي ګاډي" }, "unknown", new String[] { "ignored" }));

		Map<String, Object> request = form.request("ticket 311");

		assertThat(form.name()).isEqualTo("vehicles.read");
		assertThat(form.problems()).isEmpty();
		assertThat(request).containsExactly(Map.entry("reason", "ticket 311"),
				Map.entry("descriptionEn", "The vehicles registered in your name"),
				Map.entry("descriptionPs", "ستاسو په نوم ثبت شوي ګاډي"));
	}

	@Test
	void scopeFormWhenEveryFieldBreaksARuleThenEachNamedWithTheRulesExplanation() {
		ScopeForm form = ScopeForm.of(Map.of("name", new String[] { "profile" }, "descriptionEn", new String[] { "" },
				"descriptionUr", new String[] { "دو\nسطریں" }, "descriptionPs", new String[] { "ا".repeat(201) }));

		Map<String, String> problems = form.problems();

		assertThat(problems).containsOnlyKeys("name", "descriptionEn", "descriptionUr", "descriptionPs");
		assertThat(problems.get("name")).contains("standard scope");
		assertThat(problems.get("descriptionEn")).isEqualTo("description-en is required");
		assertThat(problems.get("descriptionUr")).contains("one line");
		assertThat(problems.get("descriptionPs")).contains("at most 200");
	}

	@Test
	void scopeFormWhenEditingThenNameIsThePagesAndDescriptionsComeFromTheApi() {
		ScopeForm form = ScopeForm
			.fromScope(Map.of("name", "vehicles.read", "descriptionEn", "Vehicles", "updatedBy", "seed"));

		ScopeForm submitted = ScopeForm
			.of(Map.of("name", new String[] { "other.read" }, "descriptionEn", new String[] { "Cars" }))
			.named("vehicles.read");

		assertThat(form.values()).containsExactly(Map.entry("name", "vehicles.read"),
				Map.entry("descriptionEn", "Vehicles"), Map.entry("descriptionUr", ""), Map.entry("descriptionPs", ""));
		assertThat(submitted.name()).isEqualTo("vehicles.read");
		assertThat(ScopeForm.field("descriptionEn")).isEqualTo("descriptionEn");
		assertThat(ScopeForm.field("reason")).isNull();
	}

	@Test
	void confirmationWhenFieldsHaveLanguagesThenRightToLeftForUrduAndPashto() {
		Confirmation confirmation = new Confirmation("console.scope.create", "vehicles.read",
				"/admin/console/scopes/new", Map.of(), "console.scope.field.", ScopeForm.LANGUAGES);

		assertThat(confirmation.direction("descriptionEn")).isEqualTo("ltr");
		assertThat(confirmation.direction("descriptionUr")).isEqualTo("rtl");
		assertThat(confirmation.direction("descriptionPs")).isEqualTo("rtl");
		assertThat(confirmation.direction("name")).isNull();
		assertThat(new Confirmation("console.keys.rotate", "ES256", "/x", Map.of()).labels())
			.isEqualTo("console.client.field.");
	}

	@Test
	void adminRolesThenWhatThePagesOffer() {
		ConsoleAdmin helpdesk = new ConsoleAdmin("a", List.of("helpdesk"));
		ConsoleAdmin auditor = new ConsoleAdmin("b", List.of("auditor"));
		ConsoleAdmin security = new ConsoleAdmin("c", List.of("security-admin"));

		assertThat(helpdesk.supportsCitizens()).isTrue();
		assertThat(helpdesk.readsClientsAndKeys() || helpdesk.readsAudit() || helpdesk.revealsCnic()).isFalse();
		assertThat(auditor.readsClientsAndKeys() && auditor.readsAudit()).isTrue();
		assertThat(auditor.managesClientsAndKeys() || auditor.supportsCitizens()).isFalse();
		assertThat(security.managesClientsAndKeys() && security.revealsCnic() && security.supportsCitizens()).isTrue();
		assertThat(security.describesScopes()).isTrue();
		assertThat(helpdesk.describesScopes() || auditor.describesScopes()).isFalse();
	}

}
