package pk.gov.kp.khyberpass;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Urdu and Pashto bundles say everything the English default says, with the same
 * placeholders.
 */
class MessageBundlesTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	@ParameterizedTest
	@ValueSource(strings = { "messages_ur.properties", "messages_ps.properties" })
	void bundleWhenComparedWithEnglishThenSameKeys(String bundle) throws IOException {
		Properties english = load("messages.properties");

		Properties translated = load(bundle);

		assertThat(new TreeSet<>(translated.stringPropertyNames()))
			.containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages_ur.properties", "messages_ps.properties" })
	void bundleWhenComparedWithEnglishThenSamePlaceholdersPerKey(String bundle) throws IOException {
		Properties english = load("messages.properties");

		Properties translated = load(bundle);

		assertThat(placeholders(translated)).isEqualTo(placeholders(english));
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_ur.properties", "messages_ps.properties" })
	void bundleWhenLoadedThenNoBlankValues(String bundle) throws IOException {
		Properties messages = load(bundle);

		assertThat(messages.stringPropertyNames()).isNotEmpty()
			.allSatisfy((key) -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_ur.properties", "messages_ps.properties" })
	void bundleWhenReadLineByLineThenNoKeyDefinedTwice(String bundle) throws IOException {
		Map<String, Integer> definitions = new TreeMap<>();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(bundle)) {
			assertThat(in).as(bundle).isNotNull();
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
				.forEach((line) -> definitions.merge(line.substring(0, line.indexOf('=')).strip(), 1, Integer::sum));
		}

		// a second definition silently replaces the first (merged branches appending the
		// same key)
		assertThat(definitions).as(bundle).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages_ur.properties", "messages_ps.properties" })
	void bundleWhenRightToLeftLanguageThenPageDirectionRtl(String bundle) throws IOException {
		assertThat(load(bundle).getProperty("page.direction")).isEqualTo("rtl");
	}

	private static Map<String, Set<String>> placeholders(Properties messages) {
		Map<String, Set<String>> result = new TreeMap<>();
		for (String key : messages.stringPropertyNames()) {
			Set<String> found = new TreeSet<>();
			Matcher matcher = PLACEHOLDER.matcher(messages.getProperty(key));
			while (matcher.find()) {
				found.add(matcher.group());
			}
			result.put(key, found);
		}
		return result;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

}
