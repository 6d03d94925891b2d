package pk.gov.kp.khyberpass.testsupport;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.assertj.core.api.SoftAssertions;

/**
 * The rules every page meets, checked on one {@link PageInspection}: the status, under
 * {@link #BUDGET_BYTES} on the wire with the cache off, the security headers, no console
 * error and no CSP violation, the structure checks (CSRF field in every post form, a
 * label for every field, one {@code h1}, {@code lang} and {@code dir}, error summaries
 * linked to their fields, nothing wider than the window), and no serious or critical WCAG
 * 2.2 A/AA violation found by axe-core.
 */
public final class PageRules {

	public static final long BUDGET_BYTES = 100 * 1024;

	private final HeadlessBrowser browser;

	private final AxeCore axe;

	private final Predicate<String> exemptFromBudget;

	private PageRules(HeadlessBrowser browser, AxeCore axe, Predicate<String> exemptFromBudget) {
		this.browser = browser;
		this.axe = axe;
		this.exemptFromBudget = exemptFromBudget;
	}

	/** The rules for pages shown in {@code browser}, every byte counted. */
	public static PageRules of(HeadlessBrowser browser, AxeCore axe) {
		return new PageRules(browser, axe, (url) -> false);
	}

	/**
	 * The same rules, not counting the resources whose address {@code exempt} accepts
	 * against the budget.
	 */
	public PageRules exemptFromBudget(Predicate<String> exempt) {
		return new PageRules(this.browser, this.axe, exempt);
	}

	/** Records every rule {@code page} breaks in {@code softly}. */
	public void check(SoftAssertions softly, PageInspection page, int status) {
		String name = page.url();
		softly.assertThat(page.status()).as("%s: status", name).isEqualTo(status);
		softly.assertThat(page.transferredBytesWithout(this.exemptFromBudget))
			.as("%s: bytes on the wire, no cache: %s", name, page.resources())
			.isPositive()
			.isLessThan(BUDGET_BYTES);
		Map<String, String> headers = page.headers();
		softly.assertThat(headers.get("content-security-policy"))
			.as("%s: CSP", name)
			.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
					"base-uri 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		softly.assertThat(headers.get("x-content-type-options")).as("%s: nosniff", name).isEqualTo("nosniff");
		softly.assertThat(headers.get("referrer-policy")).as("%s: Referrer-Policy", name).isEqualTo("no-referrer");
		softly.assertThat(headers.get("x-frame-options")).as("%s: X-Frame-Options", name).isEqualTo("DENY");
		// An error page's own status is logged by Chromium as a failed load: expected,
		// not a fault of the page.
		softly.assertThat(page.consoleErrors())
			.as("%s: console errors", name)
			.filteredOn((error) -> status == 200 || !error.startsWith(name + " - Failed to load resource"))
			.isEmpty();
		softly.assertThat(page.cspViolations()).as("%s: CSP violations", name).isEmpty();
		softly.assertThat(page.structureProblems()).as("%s: structure", name).isEmpty();
		List<AxeCore.Violation> serious = this.axe.check(this.browser)
			.stream()
			.filter(AxeCore.Violation::seriousOrWorse)
			.toList();
		softly.assertThat(serious).as("%s: serious or critical axe-core violations", name).isEmpty();
	}

}
