package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A language the filter's refusal pages are written in (the house languages: English,
 * Urdu, Pashto), with its texts from {@code refusals[_ur|_ps].properties} (UTF-8) beside
 * this class. Chosen from the browser's {@code Accept-Language}; English otherwise.
 * Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4">RFC 9110
 * §12.5.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4647#section-3.4">RFC 4647 §3.4
 * (lookup)</a>
 */
enum PageLanguage {

	EN("en", "ltr", "refusals.properties"),

	UR("ur", "rtl", "refusals_ur.properties"),

	PS("ps", "rtl", "refusals_ps.properties");

	/**
	 * One element of {@code Accept-Language}: a language range and an optional weight
	 * (three decimals at most, never above 1). Elements that do not match are ignored.
	 */
	private static final Pattern ELEMENT = Pattern.compile(
			"\\s*(\\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\\s*(?:;\\s*[qQ]=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?\\s*");

	private final String tag;

	private final String direction;

	private final Map<String, String> texts;

	PageLanguage(String tag, String direction, String bundle) {
		this.tag = tag;
		this.direction = direction;
		this.texts = load(bundle);
	}

	/** The BCP 47 tag, for {@code lang} and {@code Content-Language}. */
	String tag() {
		return this.tag;
	}

	/** {@code ltr} or {@code rtl}, for {@code dir}. */
	String direction() {
		return this.direction;
	}

	/**
	 * The text of a key; English if this bundle lacks it (the tests make sure none do).
	 */
	String text(String key) {
		String text = this.texts.get(key);
		if (text != null) {
			return text;
		}
		return (this == EN) ? key : EN.text(key);
	}

	/** Every key of this language's bundle with its text, for the tests. */
	Map<String, String> texts() {
		return this.texts;
	}

	/** Pashto's individual languages (southern, northern, central) ask for Pashto. */
	private static String macrolanguage(String primary) {
		return switch (primary) {
			case "pbt", "pbu", "pst" -> "ps";
			default -> primary;
		};
	}

	static PageLanguage of(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders("Accept-Language");
		return (headers != null) ? preferredBy(String.join(",", Collections.list(headers))) : EN;
	}

	/**
	 * The language the header prefers, by RFC 4647 lookup over the primary subtag
	 * ({@code ur-PK} asks for {@code ur}): the highest weight wins, then the earliest
	 * range; {@code *} stands for the languages the header does not name; weight 0
	 * refuses. English when the header names none of ours, refuses them all, or is
	 * absent.
	 * @param acceptLanguage the {@code Accept-Language} value, or {@code null}
	 * @return the language, never {@code null}
	 */
	static PageLanguage preferredBy(@Nullable String acceptLanguage) {
		PageLanguage[] languages = values();
		int[] weight = new int[languages.length];
		int[] position = new int[languages.length];
		Arrays.fill(weight, -1);
		int wildcardWeight = -1;
		int wildcardPosition = 0;
		String[] elements = (acceptLanguage != null) ? acceptLanguage.split(",") : new String[0];
		for (int i = 0; i < elements.length; i++) {
			Matcher element = ELEMENT.matcher(elements[i]);
			if (!element.matches()) {
				continue;
			}
			String range = element.group(1).toLowerCase(Locale.ROOT);
			int q = thousandths(element.group(2));
			if (range.equals("*")) {
				if (q > wildcardWeight) {
					wildcardWeight = q;
					wildcardPosition = i;
				}
				continue;
			}
			String primary = macrolanguage(range.split("-", 2)[0]);
			for (PageLanguage language : languages) {
				if (language.tag.equals(primary) && q > weight[language.ordinal()]) {
					weight[language.ordinal()] = q;
					position[language.ordinal()] = i;
				}
			}
		}
		PageLanguage best = EN;
		int bestWeight = 0;
		int bestPosition = Integer.MAX_VALUE;
		for (PageLanguage language : languages) {
			boolean named = weight[language.ordinal()] >= 0;
			int q = named ? weight[language.ordinal()] : wildcardWeight;
			int at = named ? position[language.ordinal()] : wildcardPosition;
			if (q > bestWeight || (q == bestWeight && q > 0 && at < bestPosition)) {
				best = language;
				bestWeight = q;
				bestPosition = at;
			}
		}
		return best;
	}

	/** A weight as thousandths: {@code 0.5} is 500; none is 1000. */
	private static int thousandths(@Nullable String qvalue) {
		if (qvalue == null) {
			return 1000;
		}
		String[] parts = qvalue.split("\\.", 2);
		String decimals = (parts.length > 1) ? (parts[1] + "000").substring(0, 3) : "000";
		return Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(decimals);
	}

	private static Map<String, String> load(String bundle) {
		try (InputStream in = PageLanguage.class.getResourceAsStream(bundle)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + bundle + " beside " + PageLanguage.class.getName());
			}
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			Map<String, String> texts = new HashMap<>();
			properties.stringPropertyNames().forEach((key) -> texts.put(key, properties.getProperty(key).strip()));
			return Collections.unmodifiableMap(texts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + bundle, ex);
		}
	}

}
