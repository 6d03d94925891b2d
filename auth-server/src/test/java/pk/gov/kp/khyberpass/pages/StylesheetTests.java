package pk.gov.kp.khyberpass.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one stylesheet: colour pairs the pages actually use meet WCAG 2.2 AA contrast
 * (4.5:1 for text, 3:1 for focus rings, borders and other non-text parts), and the layout
 * uses logical properties only, so right-to-left pages mirror.
 */
class StylesheetTests {

	static final Path STYLESHEET = Path.of("src/main/resources/static/css/khyberpass.css");

	private static final Pattern COLOUR = Pattern.compile("--kp-([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");

	private static final Pattern PHYSICAL = Pattern.compile(
			"(?m)^\\s*((margin|padding|border|inset)-(left|right|top|bottom)[a-z-]*|left|right|top|bottom|float|clear)\\s*:");

	private static final Pattern PHYSICAL_VALUE = Pattern
		.compile("(?m)^\\s*(text-align|float|clear)\\s*:\\s*(left|right)");

	private static final Pattern FOUR_VALUES = Pattern.compile(
			"(?m)^[ \\t]*(margin|padding|inset|border-width)[ \\t]*:[ \\t]*(\\S+)[ \\t]+(\\S+)[ \\t]+(\\S+)[ \\t]+([^;\\s]+)[ \\t]*;");

	private static String css;

	private static Map<String, String> colours;

	@BeforeAll
	static void load() throws IOException {
		css = Files.readString(STYLESHEET, StandardCharsets.UTF_8);
		colours = new HashMap<>();
		Matcher matcher = COLOUR.matcher(css);
		while (matcher.find()) {
			colours.put(matcher.group(1), matcher.group(2));
		}
		colours.put("white", "#ffffff");
	}

	@ParameterizedTest(name = "{0} on {1}: at least {2}:1 ({3})")
	@CsvSource({ "text, background, 4.5, body text", "muted, background, 4.5, hints and footer",
			"muted, panel, 4.5, hint inside a notice", "text, panel, 4.5, notice and secondary button text",
			"error, background, 4.5, error messages and summary links", "green, background, 4.5, links",
			"white, green, 4.5, masthead and primary button", "white, warning, 4.5, warning button (remove a factor)",
			"white, green-dark, 4.5, primary button hovered", "text, focus, 4.5, focused link",
			"focus-ring, background, 3, focus ring on the page", "focus, green, 3, focus halo on the masthead",
			"focus-ring, focus, 3, focus ring against its halo", "border, background, 3, input borders",
			"error, background, 3, error borders" })
	void colourPairWhenMeasuredThenMeetsWcagAa(String foreground, String background, double minimum, String use) {
		assertThat(colours).containsKeys(foreground, background);

		double ratio = contrast(colours.get(foreground), colours.get(background));

		assertThat(ratio)
			.as("%s (%s) on %s (%s), used for %s", foreground, colours.get(foreground), background,
					colours.get(background), use)
			.isGreaterThanOrEqualTo(minimum);
	}

	@Test
	void contrastWhenBlackOnWhiteThenTwentyOne() {
		assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void stylesheetWhenScannedThenNoPhysicalDirectionProperties() {
		List<String> found = new ArrayList<>();
		collect(PHYSICAL.matcher(css), found);
		collect(PHYSICAL_VALUE.matcher(css), found);

		assertThat(found).as("use inline-start/end and block-start/end so Urdu and Pashto pages mirror").isEmpty();
	}

	@Test
	void stylesheetWhenFourValueShorthandThenInlineSidesEqual() {
		Matcher matcher = FOUR_VALUES.matcher(css);
		List<String> lopsided = new ArrayList<>();
		while (matcher.find()) {
			if (!matcher.group(3).equals(matcher.group(5))) {
				lopsided.add(matcher.group().strip());
			}
		}

		assertThat(lopsided).as("a shorthand with different left and right does not mirror").isEmpty();
	}

	@Test
	void stylesheetWhenFocusStyledThenOutlineNeverRemoved() {
		assertThat(css).doesNotContainPattern("outline\\s*:\\s*(none|0)\\b");
	}

	private static void collect(Matcher matcher, List<String> found) {
		while (matcher.find()) {
			found.add(matcher.group().strip());
		}
	}

	/** WCAG 2.2 contrast ratio of two sRGB colours. */
	static double contrast(String first, String second) {
		double a = luminance(first);
		double b = luminance(second);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	private static double luminance(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
				+ 0.0722 * channel(rgb & 0xff);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
