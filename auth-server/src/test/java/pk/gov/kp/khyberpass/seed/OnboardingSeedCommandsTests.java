package pk.gov.kp.khyberpass.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code KHYBERPASS_SEED=... ./mvnw -pl auth-server spring-boot:run} commands of
 * docs/onboarding.md and of the seed files' headers, resolved the way they run: typed at
 * the repository root ({@code $PWD}), then read by the auth-server whose working
 * directory is {@code auth-server/} (spring-boot:run and this test alike), and parsed as
 * a valid seed.
 */
class OnboardingSeedCommandsTests {

	private static final Path MODULE = Path.of("").toAbsolutePath();

	private static final Path ROOT = MODULE.getParent();

	private static final String NEW_SERVICE_SEED = "file:$PWD/../fines-portal/khyberpass-seed.yml";

	private static final Pattern SECURITY_TEAM_ENTRY = Pattern
		.compile("<!-- security-team entry.*?-->\\n```yaml\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern COMMAND = Pattern
		.compile("KHYBERPASS_SEED=(\\S+) \\./mvnw -pl auth-server spring-boot:run");

	@Test
	void workingDirectoryIsTheModuleLikeSpringBootRun() {
		assertThat(MODULE.getFileName()).hasToString("auth-server");
	}

	@Test
	void guideCommandsWhenRunFromRepositoryRootThenSeedFilesLoad() throws IOException {
		List<String> locations = seedLocations("docs/onboarding.md");
		List<String> inRepository = locations.stream()
			.filter((location) -> !location.equals(NEW_SERVICE_SEED))
			.toList();

		inRepository.forEach(OnboardingSeedCommandsTests::assertLoads);
		assertThat(inRepository).contains("file:$PWD/sample-relying-party/khyberpass-seed.yml",
				"file:$PWD/examples/quickstart/khyberpass-seed.yml");
	}

	/**
	 * Section 3's entry for the security team is a valid registration for a deployed
	 * environment.
	 */
	@Test
	void guideSecurityTeamEntryWhenParsedThenValidHttpsRegistrationWithoutSecret() throws IOException {
		Matcher block = SECURITY_TEAM_ENTRY.matcher(Files.readString(ROOT.resolve("docs/onboarding.md")));
		assertThat(block.find()).as("a <!-- security-team entry ... --> yaml block in docs/onboarding.md").isTrue();

		SeedFile entry = SeedFile.parse(new ByteArrayInputStream(block.group(1).getBytes(StandardCharsets.UTF_8)),
				"docs/onboarding.md section 3");

		assertThat(entry.citizens()).isEmpty();
		assertThat(entry.clients()).singleElement().satisfies((client) -> {
			assertThat(client.clientSecret()).isNull();
			assertThat(client.redirectUris()).isNotEmpty()
				.allSatisfy((uri) -> assertThat(uri.getScheme()).isEqualTo("https"));
			assertThat(client.backchannelLogoutUri()).extracting(URI::getScheme).isEqualTo("https");
		});
	}

	/**
	 * Section 1 starts Khyber Pass with the seed file that
	 * {@code examples/NewService.java} writes next to the repository; e2e FirstSignInIT
	 * runs that path. Here: the command names the service the guide makes.
	 */
	@Test
	void guideFirstSignInWhenSeedOfNewServiceThenSameServiceTheGuideMakes() throws IOException {
		String guide = Files.readString(ROOT.resolve("docs/onboarding.md"));

		assertThat(seedLocations("docs/onboarding.md")).contains(NEW_SERVICE_SEED);
		assertThat(guide).contains("java examples/NewService.java fines-portal\n")
			.contains("cd ../fines-portal && ./mvnw spring-boot:run");
	}

	@Test
	void seedFileHeadersWhenRunFromRepositoryRootThenSeedFilesLoad() throws IOException {
		for (String seedFile : List.of("sample-relying-party/khyberpass-seed.yml",
				"examples/quickstart/khyberpass-seed.yml")) {
			List<String> locations = seedLocations(seedFile);
			assertThat(locations).as(seedFile).containsExactly("file:$PWD/" + seedFile);
			locations.forEach(OnboardingSeedCommandsTests::assertLoads);
		}
	}

	private static List<String> seedLocations(String file) throws IOException {
		Matcher commands = COMMAND.matcher(Files.readString(ROOT.resolve(file)));
		List<String> locations = new ArrayList<>();
		while (commands.find()) {
			locations.add(commands.group(1));
		}
		return locations;
	}

	private static void assertLoads(String location) {
		// The shell expands $PWD at the repository root; everything else reaches Spring
		// as typed.
		Resource resource = new DefaultResourceLoader().getResource(location.replace("$PWD", ROOT.toString()));
		assertThat(resource.exists()).as(location + " from " + MODULE).isTrue();
		SeedFile seed = SeedFile.parse(resource);
		assertThat(seed.clients()).as(location).isNotEmpty();
		assertThat(seed.citizens()).as(location)
			.isNotEmpty()
			.allSatisfy((citizen) -> assertThat(citizen.totpSecret()).as("demo citizen's TOTP secret").isNotNull());
	}

}
