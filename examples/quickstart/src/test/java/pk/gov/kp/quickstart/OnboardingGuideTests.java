package pk.gov.kp.quickstart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Keeps docs/onboarding.md honest: every code block after a {@code <!-- file: path -->} marker is that
 * file of the repository, byte for byte (so the quickstart's build compiles and tests what the guide
 * shows), every class the guide's import list names exists on an application's class path, and every
 * test class it names as exercising a snippet exists.
 */
class OnboardingGuideTests {

	private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

	private static final Pattern FILE_BLOCK = Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)```",
			Pattern.DOTALL);

	private static final Pattern IMPORTS_BLOCK = Pattern.compile("<!-- imports -->\\n```java\\n(.*?)```",
			Pattern.DOTALL);

	private static final Pattern TEST_CLASS = Pattern.compile("(?<![\\w-])([A-Z][A-Za-z0-9]+(?:IT|Tests))\\b");

	private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+);$", Pattern.MULTILINE);

	@Test
	void fileBlocksWhenComparedWithRepositoryFilesThenIdentical() throws IOException {
		Matcher blocks = FILE_BLOCK.matcher(guide());
		List<String> checked = new ArrayList<>();
		while (blocks.find()) {
			Path file = ROOT.resolve(blocks.group(1));
			assertThat(file).as("file named in docs/onboarding.md").isRegularFile();
			assertThat(blocks.group(2)).as("the block of docs/onboarding.md marked as " + blocks.group(1))
				.isEqualTo(Files.readString(file));
			checked.add(blocks.group(1));
		}
		assertThat(checked).contains("examples/quickstart/pom.xml",
				"examples/quickstart/src/main/resources/application.yml",
				"examples/quickstart/src/main/java/pk/gov/kp/quickstart/QuickstartApplication.java",
				"examples/quickstart/src/main/java/pk/gov/kp/quickstart/HomeController.java",
				"examples/quickstart/src/main/resources/templates/home.html", "examples/quickstart/khyberpass-seed.yml");
	}

	@Test
	void importListWhenLoadedThenEveryClassExists() throws IOException {
		Matcher block = IMPORTS_BLOCK.matcher(guide());
		assertThat(block.find()).as("an <!-- imports --> java block in docs/onboarding.md").isTrue();
		Matcher imports = IMPORT.matcher(block.group(1));
		int count = 0;
		while (imports.find()) {
			String name = imports.group(1);
			assertThatCode(() -> Class.forName(name)).as(name).doesNotThrowAnyException();
			count++;
		}
		assertThat(count).isGreaterThanOrEqualTo(8);
	}

	@Test
	void testClassesNamedInTheGuideWhenLookedUpThenExistInTheRepository() throws IOException {
		Set<String> sources;
		try (Stream<Path> files = Files.walk(ROOT)) {
			sources = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.toString().contains(File.separator + "target" + File.separator))
				.map((file) -> file.getFileName().toString().replace(".java", ""))
				.collect(Collectors.toSet());
		}
		Matcher names = TEST_CLASS.matcher(guide());
		Set<String> named = new TreeSet<>();
		while (names.find()) {
			named.add(names.group(1));
		}
		assertThat(named).contains("FirstSignInIT", "SampleRelyingPartyIT", "OnboardingSeedCommandsTests");
		assertThat(sources).as("test classes docs/onboarding.md names").containsAll(named);
	}

	private static String guide() throws IOException {
		return Files.readString(ROOT.resolve("docs/onboarding.md"));
	}

}
