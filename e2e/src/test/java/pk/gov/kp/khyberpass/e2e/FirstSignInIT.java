package pk.gov.kp.khyberpass.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department developer's first sign-in as docs/onboarding.md gives it:
 * {@code examples/NewService.java} makes the service {@code fines-portal} outside the
 * repository, the SDK is installed as the guide types it, the service is built with its
 * own Maven wrapper (running its own tests), Khyber Pass starts with the service's seed,
 * and the demo citizen signs in, allows, is welcomed by name and signs out. The servers
 * run from their packaged jars on free ports instead of {@code spring-boot:run} on 9000
 * and 8080.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstSignInIT {

	private static final String CLIENT_ID = "fines-portal";

	private static final Duration NEW_SERVICE_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

	private static final Pattern SEED_COMMAND = Pattern
		.compile("KHYBERPASS_SEED=file:(\\S+) \\./mvnw -pl auth-server spring-boot:run");

	private Path service;

	private RunningSystem system;

	private CitizenBrowser citizen;

	private WebDriver browser;

	@BeforeAll
	void start(@TempDir Path workspace) throws Exception {
		Optional<Path> authServer = RunningSystem.jar("auth-server");
		Optional<String> missing = CitizenBrowser.missing()
			.or(() -> authServer.isEmpty()
					? Optional.of("package auth-server first (./mvnw -pl auth-server -am -DskipTests package)")
					: Optional.empty());
		if (missing.isPresent()) {
			RunningSystem.skipOrFail(missing.get());
		}
		Path root = RunningSystem.root();
		this.service = workspace.resolve(CLIENT_ID);
		Command.Finished created = Command
			.run(root, NEW_SERVICE_TIMEOUT, "first-sign-in.new-service.log",
					List.of(Command.java(), "examples/NewService.java", CLIENT_ID, "--directory",
							this.service.toString()))
			.assertSucceeded();
		Matcher seedCommand = SEED_COMMAND.matcher(created.output());
		assertThat(seedCommand.find()).as("the KHYBERPASS_SEED command in " + created.output()).isTrue();
		Path seed = Path.of(seedCommand.group(1));
		Command
			.run(root, BUILD_TIMEOUT, "first-sign-in.sdk-install.log",
					List.of(root.resolve("mvnw").toString(), "-B", "-q", "-pl", "sdk/spring-boot-starter", "-am",
							"install", "-DskipTests"))
			.assertSucceeded();
		Command
			.run(this.service, BUILD_TIMEOUT, "first-sign-in.service-package.log",
					List.of(this.service.resolve("mvnw").toString(), "-q", "-B", "package"))
			.assertSucceeded();
		Path jar = RunningSystem.jar(this.service)
			.orElseThrow(() -> new AssertionError("no jar in " + this.service.resolve("target")));
		this.system = RunningSystem.start(authServer.get(),
				new RunningSystem.Department(CLIENT_ID, jar, seed, "/", List.of()));
		this.citizen = CitizenBrowser.start();
		this.browser = this.citizen.driver();
	}

	@AfterAll
	void stop() throws IOException {
		try {
			if (this.citizen != null) {
				this.citizen.close();
			}
		}
		finally {
			if (this.system != null) {
				this.system.close();
			}
		}
	}

	@Test
	@Order(1)
	void packageWhenBuiltWithItsOwnWrapperThenItsRenamedTestsRan() throws IOException {
		Path report = this.service
			.resolve("target/surefire-reports/TEST-pk.gov.kp.finesportal.FinesPortalApplicationTests.xml");

		assertThat(report).isRegularFile();
		String summary;
		try (Stream<String> lines = Files.lines(report)) {
			summary = lines.filter((line) -> line.startsWith("<testsuite")).findFirst().orElse("");
		}
		assertThat(summary).containsPattern("tests=\"[1-9]").contains("failures=\"0\"", "errors=\"0\"");
	}

	@Test
	@Order(2)
	void signInWhenConsentAllowedThenServiceWelcomesCitizenByName() {
		this.browser.get(this.system.department + "/");

		this.citizen.signInAtKhyberPass();
		String consent = this.citizen.allow();

		assertThat(consent).contains("Fines Portal");
		assertThat(this.citizen.waitFor(By.id("name")).getText()).isEqualTo("Ayesha Khan");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Ayesha Khan");
		assertThat(this.browser.getCurrentUrl()).startsWith(this.system.department.toString());
	}

	@Test
	@Order(3)
	void signOutThenKhyberPassSignInPage() {
		this.browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();

		this.citizen.waitFor(By.id("username"));
		assertThat(this.browser.getCurrentUrl()).startsWith(this.system.issuer + "/login");
	}

}
