package pk.gov.kp.khyberpass.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every citizen page template, read as markup: no user-facing text of its own (all of it
 * comes from the message bundles through {@code th:text} and friends; the text left in
 * the template is only the natural-template preview that Thymeleaf replaces), every
 * message key it names exists, every post form gets a CSRF field ({@code th:action}), no
 * inline script or style (strict CSP), and {@code lang}/{@code dir} set from the locale.
 * Message keys named in Java are checked too.
 */
class TemplatesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path SOURCES = Path.of("src/main/java");

	/** Development-only pages, never shown to citizens, in English on purpose. */
	private static final Set<String> DEVELOPMENT_PAGES = Set.of("notify/sms-outbox.html", "notify/email-outbox.html");

	/**
	 * Elements whose text Thymeleaf replaces: anything inside is a preview, not output.
	 */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label", "label");

	private static final Pattern MESSAGE_KEY = Pattern
		.compile("#\\{([A-Za-z0-9._-]+)|#messages\\.msg\\('([A-Za-z0-9._-]+)'\\)");

	private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z]+(?:\\.[a-z0-9-]+)+)\"");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static Properties messages;

	@BeforeAll
	static void loadMessages() throws IOException {
		messages = new Properties();
		try (InputStream in = TemplatesTests.class.getClassLoader().getResourceAsStream("messages.properties");
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
	}

	static Stream<String> citizenPages() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<String> pages = files.filter((file) -> file.toString().endsWith(".html"))
				.map((file) -> TEMPLATES.relativize(file).toString().replace('\\', '/'))
				.filter((page) -> !DEVELOPMENT_PAGES.contains(page))
				.sorted()
				.toList();
			return pages.stream();
		}
	}

	@Test
	void templatesWhenListedThenTheKnownPagesAreAmongThem() throws IOException {
		assertThat(citizenPages()).contains("account/login.html", "account/register/form.html", "error.html",
				"oidc/consent.html", "fragments/page.html");
	}

	@ParameterizedTest
	@MethodSource("citizenPages")
	void templateWhenScannedThenNoTextOutsideMessageBundles(String page) throws Exception {
		List<String> hardCoded = new ArrayList<>();

		walk(parse(page), false, hardCoded);

		assertThat(hardCoded).as("text in %s that is not from the message bundles", page).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("citizenPages")
	void templateWhenScannedThenEveryMessageKeyExists(String page) throws IOException {
		String source = Files.readString(TEMPLATES.resolve(page), StandardCharsets.UTF_8);
		Set<String> missing = new TreeSet<>();
		Matcher matcher = MESSAGE_KEY.matcher(source);
		while (matcher.find()) {
			String key = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			if (!messages.containsKey(key)) {
				missing.add(key);
			}
		}

		assertThat(missing).as("message keys used in %s but missing from messages.properties", page).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("citizenPages")
	void templateWhenPostFormThenThymeleafActionSoCsrfFieldIsAdded(String page) throws Exception {
		List<Element> forms = elements(parse(page), "form");

		assertThat(forms).allSatisfy((form) -> {
			if ("post".equalsIgnoreCase(form.getAttributeValue("method"))) {
				assertThat(form.hasAttribute("th:action")).as("form at line %s of %s", form.getLine(), page).isTrue();
			}
		});
	}

	@ParameterizedTest
	@MethodSource("citizenPages")
	void templateWhenScannedThenNoInlineScriptOrStyle(String page) throws Exception {
		List<Element> all = elements(parse(page), null);

		assertThat(all).noneMatch((element) -> element.elementNameMatches("style"))
			.noneMatch((element) -> element.elementNameMatches("script") && !element.hasAttribute("src")
					&& !element.hasAttribute("th:src"))
			.allSatisfy((element) -> assertThat(element.getAttributeMap().keySet())
				.as("<%s> at line %s of %s", element.getElementName(), element.getLine(), page)
				.noneMatch((name) -> name.equals("style") || name.equals("th:style") || name.startsWith("on")
						|| name.startsWith("th:on")));
	}

	@ParameterizedTest
	@MethodSource("citizenPages")
	void templateWhenFullPageThenLanguageAndDirectionFromLocale(String page) throws Exception {
		List<Element> html = elements(parse(page), "html");
		if (page.startsWith("fragments/")) {
			return;
		}

		assertThat(html).singleElement().satisfies((root) -> {
			assertThat(root.getAttributeValue("th:lang")).isEqualTo("${#locale.toLanguageTag()}");
			assertThat(root.getAttributeValue("th:dir")).isEqualTo("#{page.direction}");
		});
	}

	@Test
	void scanWhenTextOrAttributeNotFromBundlesThenFound() throws ParseException {
		String markup = "<main><p>Hello citizen</p><p th:text=\"#{app.name}\">Preview <b>only</b></p>"
				+ "<img src=\"x.png\" alt=\"Logo\"><img th:alt=\"#{app.name}\" alt=\"Preview\"><p>12345</p></main>";
		List<String> hardCoded = new ArrayList<>();

		walk(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(markup), false, hardCoded);

		assertThat(hardCoded).hasSize(2)
			.anySatisfy((found) -> assertThat(found).endsWith(": Hello citizen"))
			.anySatisfy((found) -> assertThat(found).endsWith(": alt=\"Logo\""));
	}

	@Test
	void javaSourcesWhenNamingMessageKeysThenEveryKeyExists() throws IOException {
		Set<String> prefixes = messages.stringPropertyNames()
			.stream()
			.map((key) -> key.substring(0, key.indexOf('.') + 1))
			.collect(Collectors.toSet());
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = JAVA_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					String key = matcher.group(1);
					if (prefixes.stream().anyMatch(key::startsWith) && !messages.containsKey(key)
							&& !isPropertyName(key)) {
						missing.add(file.getFileName() + ": " + key);
					}
				}
			}
		}

		assertThat(missing).as("message keys named in Java but missing from messages.properties").isEmpty();
	}

	@Test
	void javaSourcesWhenFillingPageModelsThenNoLiteralText() throws IOException {
		// Words with a space between them: a message key ("mfa.sms.throttled") is fine, a
		// sentence is not.
		Pattern literalText = Pattern.compile("addAttribute\\(\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\\p{L}[^\"]* [^\"]*\"");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = literalText.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					found.add(file.getFileName() + ": " + matcher.group());
				}
			}
		}

		assertThat(found).as("text for a page belongs in the message bundles, not in a controller").isEmpty();
	}

	private static boolean isPropertyName(String key) {
		return key.startsWith("khyberpass.") || key.startsWith("spring.") || key.startsWith("server.");
	}

	private static void walk(INestableNode node, boolean replaced, List<String> hardCoded) {
		for (INode child : node.getChildren()) {
			if (child instanceof Text text) {
				String content = text.getContent().strip();
				if (!replaced && LETTER.matcher(content).find()) {
					hardCoded.add("at " + text.getLine() + ":" + text.getCol() + ": " + content);
				}
			}
			else if (child instanceof Element element) {
				for (String attribute : TEXT_ATTRIBUTES) {
					String value = element.getAttributeValue(attribute);
					if (value != null && LETTER.matcher(value).find() && !element.hasAttribute("th:" + attribute)
							&& !element.hasAttribute("th:attr")) {
						hardCoded.add("at " + element.getLine() + ":" + element.getCol() + ": " + attribute + "=\""
								+ value + "\"");
					}
				}
				boolean replacing = replaced
						|| element.getAttributeMap().keySet().stream().anyMatch(REPLACING::contains);
				walk(element, replacing, hardCoded);
			}
		}
	}

	private static List<Element> elements(INestableNode node, String name) {
		List<Element> found = new ArrayList<>();
		for (INode child : node.getChildren()) {
			if (child instanceof Element element) {
				if (name == null || element.elementNameMatches(name)) {
					found.add(element);
				}
				found.addAll(elements(element, name));
			}
		}
		return found;
	}

	private static INestableNode parse(String page) throws IOException, ParseException {
		String source = Files.readString(TEMPLATES.resolve(page), StandardCharsets.UTF_8);
		return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(page, source);
	}

}
