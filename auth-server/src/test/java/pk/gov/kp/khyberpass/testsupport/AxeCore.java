package pk.gov.kp.khyberpass.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core, the accessibility engine, run inside the page Chromium shows: WCAG 2.0, 2.1
 * and 2.2 level A and AA rules. The build fetches it into {@code target/axe-core} (the
 * {@code axe-core} profile of auth-server's POM).
 */
public final class AxeCore {

	static final Path SCRIPT = Path.of("target/axe-core/package/axe.min.js");

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
					resultTypes: ['violations'] })
				.then((results) => done(results.violations.map((v) => ({ id: v.id, impact: v.impact || 'unknown',
					help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).join(', ') }))))
				.catch((error) => done([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: '' }]));
			""";

	private final String source;

	private AxeCore(String source) {
		this.source = source;
	}

	/** Loads the engine, or fails with one clear line when the build did not fetch it. */
	public static AxeCore load() {
		if (!Files.isReadable(SCRIPT)) {
			throw new IllegalStateException("axe-core is missing at " + SCRIPT.toAbsolutePath()
					+ ": run the integration tests through Maven (./mvnw -pl auth-server verify), whose axe-core profile"
					+ " fetches it with npm");
		}
		try {
			return new AxeCore(Files.readString(SCRIPT, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The violations on the page the browser shows now. */
	public List<Violation> check(HeadlessBrowser browser) {
		ChromeDriver driver = browser.driver();
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		driver.executeScript(this.source);
		List<Violation> violations = new ArrayList<>();
		if (driver.executeAsyncScript(RUN) instanceof List<?> found) {
			for (Object item : found) {
				Map<?, ?> violation = (Map<?, ?>) item;
				violations
					.add(new Violation(String.valueOf(violation.get("id")), String.valueOf(violation.get("impact")),
							String.valueOf(violation.get("help")), String.valueOf(violation.get("nodes"))));
			}
		}
		return violations;
	}

	/**
	 * One failed axe rule.
	 *
	 * @param rule the axe rule id
	 * @param impact {@code minor}, {@code moderate}, {@code serious} or {@code critical}
	 * @param help what the rule asks for
	 * @param nodes the elements that fail it
	 */
	public record Violation(String rule, String impact, String help, String nodes) {

		public boolean seriousOrWorse() {
			return "serious".equals(this.impact) || "critical".equals(this.impact);
		}

	}

}
