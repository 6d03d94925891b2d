package pk.gov.kp.khyberpass.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/NewService.java} run as docs/onboarding.md has the developer run it,
 * {@code java
 * examples/NewService.java <client-id> ...} at the repository root with the JDK alone,
 * making services in a temporary directory outside the repository: what the copy holds,
 * what it prints, and what it refuses.
 */
class NewServiceTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	private static final Pattern DEVELOPMENT_SECRET = Pattern.compile("dev-[A-Za-z0-9_-]{32}");

	@TempDir
	private Path workspace;

	private String test;

	private int runs;

	@BeforeEach
	void rememberTestName(TestInfo info) {
		this.test = info.getTestMethod().orElseThrow().getName();
	}

	@Test
	void createWhenClientIdThenCopyHasExactlyTheServiceFiles() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		assertThat(files(service)).containsExactlyInAnyOrder(".gitignore", ".mvn/wrapper/maven-wrapper.properties",
				"khyberpass-seed.yml", "mvnw", "mvnw.cmd", "pom.xml",
				"src/main/java/pk/gov/kp/finesportal/FinesPortalApplication.java",
				"src/main/java/pk/gov/kp/finesportal/HomeController.java", "src/main/resources/application.yml",
				"src/main/resources/templates/home.html",
				"src/test/java/pk/gov/kp/finesportal/FinesPortalApplicationTests.java");
	}

	@Test
	void createThenMavenWrapperIsExecutable() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		assertThat(service.resolve("mvnw")).isExecutable();
	}

	@Test
	void createThenNoFileOrPathMentionsQuickstart() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		Map<String, String> files = new TreeMap<>();
		for (String file : files(service)) {
			files.put(file, Files.readString(service.resolve(file), StandardCharsets.UTF_8));
		}
		assertThat(files).isNotEmpty().allSatisfy((file, text) -> {
			assertThat(file).as("a path").doesNotContainIgnoringCase("quickstart");
			assertThat(text).as(file).doesNotContainIgnoringCase("quickstart");
		});
	}

	@Test
	void createThenClientIdAndDevelopmentSecretMatchInApplicationAndSeed() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		String application = Files.readString(service.resolve("src/main/resources/application.yml"));
		String seed = Files.readString(service.resolve("khyberpass-seed.yml"));
		assertThat(value("client-id", application)).isEqualTo("fines-portal").isEqualTo(value("client-id", seed));
		assertThat(value("client-secret", application)).matches(DEVELOPMENT_SECRET)
			.isEqualTo(value("client-secret", seed));
	}

	@Test
	void createTwiceThenEachServiceHasItsOwnSecret() throws Exception {
		Path first = this.workspace.resolve("fines-portal");
		Path second = this.workspace.resolve("fines-portal-again");

		newService("fines-portal", "--directory", first.toString()).assertSucceeded();
		newService("fines-portal", "--directory", second.toString()).assertSucceeded();

		String firstSecret = value("client-secret", Files.readString(first.resolve("khyberpass-seed.yml")));
		String secondSecret = value("client-secret", Files.readString(second.resolve("khyberpass-seed.yml")));
		assertThat(firstSecret).matches(DEVELOPMENT_SECRET);
		assertThat(secondSecret).matches(DEVELOPMENT_SECRET).isNotEqualTo(firstSecret);
	}

	@Test
	void createWhenNameAndPackageGivenThenUsed() throws Exception {
		Path service = this.workspace.resolve("fines");

		newService("fines-portal", "--package", "pk.gov.kp.fines", "--name", "Traffic Fines", "--directory",
				service.toString())
			.assertSucceeded();

		Path application = service.resolve("src/main/java/pk/gov/kp/fines/FinesPortalApplication.java");
		assertThat(application).content().contains("package pk.gov.kp.fines;", "class FinesPortalApplication");
		assertThat(service.resolve("src/main/java/pk/gov/kp/fines/HomeController.java")).content()
			.contains("package pk.gov.kp.fines;");
		assertThat(service.resolve("src/test/java/pk/gov/kp/fines/FinesPortalApplicationTests.java")).content()
			.contains("package pk.gov.kp.fines;");
		assertThat(service.resolve("pom.xml")).content()
			.contains("<groupId>pk.gov.kp.fines</groupId>", "<artifactId>fines-portal</artifactId>",
					"<name>Traffic Fines</name>");
		assertThat(service.resolve("khyberpass-seed.yml")).content().contains("client-name: Traffic Fines (local)");
		assertThat(service.resolve("src/main/resources/templates/home.html")).content()
			.contains("<title>Traffic Fines</title>");
	}

	@Test
	void createWhenOnlyClientIdThenNamePackageAndClassDerivedFromIt() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished created = newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		assertThat(service.resolve("src/main/java/pk/gov/kp/finesportal/FinesPortalApplication.java")).content()
			.contains("package pk.gov.kp.finesportal;", "public class FinesPortalApplication",
					"SpringApplication.run(FinesPortalApplication.class, args)");
		assertThat(service.resolve("pom.xml")).content()
			.contains("<groupId>pk.gov.kp.finesportal</groupId>", "<name>Fines Portal</name>");
		assertThat(service.resolve("khyberpass-seed.yml")).content().contains("client-name: Fines Portal (local)");
		assertThat(created.output()).contains("service Fines Portal, Java package pk.gov.kp.finesportal");
	}

	@Test
	void createThenPrintsTheCommandsWithTheSeedAndServiceDirectory() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished created = newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		assertThat(service).isAbsolute();
		assertThat(created.output()).contains("KHYBERPASS_SEED=file:" + service.resolve("khyberpass-seed.yml")
				+ " ./mvnw -pl auth-server spring-boot:run", "cd " + service + " && ./mvnw spring-boot:run");
	}

	@Test
	void createThenSaysToWaitForTheBannerListingTheClient() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished created = newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		assertThat(created.output())
			.contains("Ready when it prints \"Khyber Pass is running\" and lists \"Client fines-portal\"");
	}

	@Test
	void createOnWindowsThenPrintsPowerShellCommandsWithAFileUri() throws Exception {
		Path service = this.workspace.resolve("fines portal");

		Command.Finished created = run(RunningSystem.root(),
				List.of(Command.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dos.name=Windows 11",
						"examples/NewService.java", "fines-portal", "--directory", service.toString()))
			.assertSucceeded();

		assertThat(created.output())
			.contains("in two terminals (PowerShell)",
					"$env:KHYBERPASS_SEED = '" + service.resolve("khyberpass-seed.yml").toUri()
							+ "'; .\\mvnw.cmd -pl auth-server spring-boot:run",
					"cd '" + service + "'; .\\mvnw.cmd spring-boot:run")
			.doesNotContain("./mvnw");
	}

	@Test
	void seedOnlyWhenServiceExistsThenWritesOnlyTheSeedAndPrintsMatchingProperties() throws Exception {
		Path existing = Files.createDirectories(this.workspace.resolve("land-records"));
		Files.writeString(existing.resolve("pom.xml"), "<project/>");

		Command.Finished created = newService("land-records", "--seed-only", "--directory", existing.toString())
			.assertSucceeded();

		assertThat(files(existing)).containsExactlyInAnyOrder("pom.xml", "khyberpass-seed.yml");
		assertThat(existing.resolve("pom.xml")).hasContent("<project/>");
		String seed = Files.readString(existing.resolve("khyberpass-seed.yml"));
		assertThat(value("client-id", seed)).isEqualTo("land-records");
		assertThat(seed).doesNotContainIgnoringCase("quickstart");
		assertThat(created.output()).contains("client-id: land-records",
				"client-secret: " + value("client-secret", seed), "khyberpass.client-id=land-records",
				"khyberpass.client-secret=" + value("client-secret", seed),
				"<artifactId>khyberpass-spring-boot-starter</artifactId>",
				"KHYBERPASS_SEED=file:" + existing.resolve("khyberpass-seed.yml"));
	}

	@Test
	void seedOnlyWhenSeedFileExistsThenRefusedAndLeftAsItIs() throws Exception {
		Path existing = Files.createDirectories(this.workspace.resolve("land-records"));
		Files.writeString(existing.resolve("khyberpass-seed.yml"), "clients: []\n");

		Command.Finished refused = newService("land-records", "--seed-only", "--directory", existing.toString());

		assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("already exists; it is left as it is");
		assertThat(existing.resolve("khyberpass-seed.yml")).hasContent("clients: []\n");
	}

	@Test
	void seedOnlyWhenDirectoryMissingThenRefused() throws Exception {
		Command.Finished refused = newService("land-records", "--seed-only", "--directory",
				this.workspace.resolve("no-such-service").toString());

		assertRefused(refused, this.workspace.resolve("no-such-service") + " is not a directory");
	}

	@Test
	void helpThenUsageAndSuccess() throws Exception {
		Command.Finished help = newService("--help").assertSucceeded();

		assertThat(help.output()).contains("Usage, at the Khyber Pass repository root:", "--seed-only");
	}

	@Test
	void createWhenNameContainsQuickstartThenCreatedWithThatName() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		newService("fines-portal", "--name", "Quickstart Fines", "--directory", service.toString()).assertSucceeded();

		assertThat(service.resolve("khyberpass-seed.yml")).content().contains("client-name: Quickstart Fines (local)");
		assertThat(service.resolve("src/main/java/pk/gov/kp/finesportal/FinesPortalApplication.java")).exists();
	}

	@Test
	void createWhenDirectoryHasSpaceThenPrintedCommandsQuoteIt() throws Exception {
		Path service = this.workspace.resolve("fines portal");

		Command.Finished created = newService("fines-portal", "--directory", service.toString()).assertSucceeded();

		assertThat(created.output()).contains(
				"KHYBERPASS_SEED='file:" + service.resolve("khyberpass-seed.yml") + "' ./mvnw -pl auth-server",
				"cd '" + service + "' && ./mvnw spring-boot:run");
	}

	@Test
	void createWhenClientIdInvalidThenRefused() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished refused = newService("fines portal", "--directory", service.toString());

		assertRefused(refused, "client id 'fines portal'");
	}

	@Test
	void createWhenPackageIsKeywordThenRefused() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished refused = newService("fines-portal", "--package", "pk.gov.kp.new", "--directory",
				service.toString());

		assertRefused(refused, "package 'pk.gov.kp.new'");
	}

	@Test
	void createWhenPackageHasUpperCaseThenRefused() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished refused = newService("fines-portal", "--package", "pk.gov.kp.Fines", "--directory",
				service.toString());

		assertRefused(refused, "package 'pk.gov.kp.Fines'");
	}

	@Test
	void createWhenNameHasMarkupThenRefused() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished refused = newService("fines-portal", "--name", "Fines <b>Portal</b>", "--directory",
				service.toString());

		assertRefused(refused, "name 'Fines <b>Portal</b>'");
	}

	@Test
	void createWhenUnknownOptionThenRefused() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished refused = newService("fines-portal", "--directory", service.toString(), "--colour");

		assertRefused(refused, "unknown option --colour");
	}

	@Test
	void createWhenMainClassWouldClashWithSpringBootThenRefused() throws Exception {
		Path service = this.workspace.resolve("spring-boot");

		Command.Finished refused = newService("spring-boot", "--directory", service.toString());

		assertRefused(refused, "client id 'spring-boot' would name the main class SpringBootApplication");
	}

	@Test
	void createWhenDirectoryNotEmptyThenRefusedAndDirectoryUntouched() throws Exception {
		Path service = Files.createDirectories(this.workspace.resolve("fines-portal"));
		Files.writeString(service.resolve("notes.txt"), "my own notes");

		Command.Finished refused = newService("fines-portal", "--directory", service.toString());

		assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains(service + " already exists and is not empty");
		assertThat(files(service)).containsExactly("notes.txt");
		assertThat(service.resolve("notes.txt")).hasContent("my own notes");
	}

	@Test
	void createWhenDirectoryInsideRepositoryThenRefused() throws Exception {
		Path inside = RunningSystem.root().resolve("e2e/target/new-service-inside-the-repository");

		Command.Finished refused = newService("fines-portal", "--directory", inside.toString());

		assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("is inside the Khyber Pass repository");
		assertThat(inside).doesNotExist();
	}

	@Test
	void createWhenDirectoryReachesRepositoryThroughLinkThenRefused() throws Exception {
		Path link = Files.createSymbolicLink(this.workspace.resolve("repository"), RunningSystem.root());
		Path inside = RunningSystem.root().resolve("e2e/target/new-service-through-a-link");
		try {
			Command.Finished refused = newService("fines-portal", "--directory",
					link.resolve("e2e/target/new-service-through-a-link").toString());

			assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(2);
			assertThat(refused.output()).contains("is inside the Khyber Pass repository");
			assertThat(inside).doesNotExist();
		}
		finally {
			// Only the link goes, never what it points to.
			Files.delete(link);
		}
	}

	@Test
	void createWhenNotRunAtRepositoryRootThenRefused() throws Exception {
		Path service = this.workspace.resolve("fines-portal");

		Command.Finished refused = run(this.workspace,
				List.of(Command.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
						RunningSystem.root().resolve("examples/NewService.java").toString(), "fines-portal",
						"--directory", service.toString()));

		assertRefused(refused, "run this at the Khyber Pass repository root");
	}

	private Command.Finished newService(String... arguments) throws IOException, InterruptedException {
		// JVM options that halve the CPU time of so short a run; the program and
		// arguments are the guide's.
		List<String> command = new ArrayList<>(
				List.of(Command.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "examples/NewService.java"));
		command.addAll(List.of(arguments));
		return run(RunningSystem.root(), command);
	}

	private Command.Finished run(Path directory, List<String> command) throws IOException, InterruptedException {
		this.runs++;
		return Command.run(directory, TIMEOUT, "new-service." + this.test + "." + this.runs + ".log", command);
	}

	/** Exit status 2, the problem named, and nothing created in the workspace. */
	private void assertRefused(Command.Finished refused, String problem) throws IOException {
		assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("new service: " + problem);
		try (Stream<Path> created = Files.list(this.workspace)) {
			assertThat(created).isEmpty();
		}
	}

	private static Set<String> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile)
				.map((file) -> directory.relativize(file).toString().replace('\\', '/'))
				.collect(Collectors.toSet());
		}
	}

	private static String value(String key, String yaml) {
		Matcher value = Pattern.compile("(?m)^[\\s-]*" + Pattern.quote(key) + ": (\\S+)").matcher(yaml);
		assertThat(value.find()).as(key + " in " + yaml.lines().findFirst().orElse("")).isTrue();
		return value.group(1);
	}

}
