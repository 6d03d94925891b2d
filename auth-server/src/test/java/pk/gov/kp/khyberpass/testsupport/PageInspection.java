package pk.gov.kp.khyberpass.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What one citizen page costs and carries, measured in Chromium: the bytes on the wire
 * for the document and everything it loads with the cache off (DevTools network events),
 * the document's response headers, console errors, Content-Security-Policy violations
 * (caught by a listener installed before any page script), and the structure checks that
 * need the rendered DOM.
 */
public final class PageInspection {

	private static final Json JSON = new Json();

	private static final String VIOLATION_LISTENER = """
			window.__cspViolations = [];
			document.addEventListener('securitypolicyviolation',
				(e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
			""";

	private static final String STRUCTURE = """
			const problems = [];
			const html = document.documentElement;
			if (!html.getAttribute('lang')) problems.push('html has no lang');
			if (!['ltr', 'rtl'].includes(html.getAttribute('dir'))) problems.push('html dir is ' + html.getAttribute('dir'));
			const h1 = document.querySelectorAll('h1').length;
			if (h1 !== 1) problems.push(h1 + ' h1 elements');
			if (!document.title) problems.push('no title');
			if (!document.querySelector('meta[name=viewport][content*="width=device-width"]')) problems.push('no mobile viewport');
			if (document.documentElement.scrollWidth > window.innerWidth) problems.push('wider than the screen: ' + document.documentElement.scrollWidth + ' px in ' + window.innerWidth);
			document.querySelectorAll('form').forEach((form, i) => {
				const csrf = form.querySelector('input[type=hidden][name=_csrf]');
				if (form.method.toLowerCase() === 'post' && !(csrf && csrf.value)) problems.push('form ' + i + ' (' + form.getAttribute('action') + ') has no CSRF field');
			});
			document.querySelectorAll('input, select, textarea').forEach((field) => {
				if (['hidden', 'submit', 'button'].includes(field.type)) return;
				const labelled = field.labels.length > 0 || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
				if (!labelled) problems.push('field ' + (field.id || field.name) + ' has no label');
				if ((field.autocomplete === 'one-time-code' || field.name === 'cnic') && field.inputMode !== 'numeric')
					problems.push('field ' + field.id + ' does not bring up the numeric keypad');
				if (field.type === 'tel' && field.inputMode !== 'tel') problems.push('field ' + field.id + ' does not bring up the phone keypad');
				if (field.getAttribute('aria-invalid') === 'true') {
					const described = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter((id) => id);
					if (!described.some((id) => document.getElementById(id)?.classList.contains('field__error')))
						problems.push('invalid field ' + field.id + ' does not point at its error message');
				}
			});
			document.querySelectorAll('.error-summary a').forEach((link) => {
				const target = link.getAttribute('href') || '';
				const field = target.startsWith('#') ? document.getElementById(target.substring(1)) : null;
				if (!field) problems.push('error summary link ' + target + ' points at no field');
				else if (field.matches('input, select, textarea') && field.getAttribute('aria-invalid') !== 'true')
					problems.push('field ' + field.id + ' named in the error summary is not marked aria-invalid');
			});
			// A script from 'self' may style what it draws through the CSSOM (the CSP allows that, not style
			// attributes in the markup): its container says so with data-styled-by-script.
			document.querySelectorAll('[style]').forEach((element) => {
				if (!element.closest('[data-styled-by-script]')) problems.push('inline style on ' + element.tagName);
			});
			document.querySelectorAll('script:not([src])').forEach(() => problems.push('inline script'));
			return problems;
			""";

	private final String url;

	private final int status;

	private final long transferredBytes;

	private final List<String> resources;

	private final Map<String, Long> resourceBytes;

	private final Map<String, String> headers;

	private final List<String> consoleErrors;

	private final List<String> cspViolations;

	private final List<String> structureProblems;

	private PageInspection(String url, int status, long transferredBytes, List<String> resources,
			Map<String, Long> resourceBytes, Map<String, String> headers, List<String> consoleErrors,
			List<String> cspViolations, List<String> structureProblems) {
		this.url = url;
		this.status = status;
		this.transferredBytes = transferredBytes;
		this.resources = resources;
		this.resourceBytes = resourceBytes;
		this.headers = headers;
		this.consoleErrors = consoleErrors;
		this.cspViolations = cspViolations;
		this.structureProblems = structureProblems;
	}

	/**
	 * Turns the cache off and installs the violation listener for every page this browser
	 * opens from now on; call once per browser before the first page.
	 */
	public static void prepare(HeadlessBrowser browser) {
		ChromeDriver driver = browser.driver();
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATION_LISTENER));
	}

	/**
	 * Forgets what the browser logged so far (the next inspection covers only what
	 * follows).
	 */
	public static void reset(HeadlessBrowser browser) {
		browser.driver().manage().logs().get(LogType.PERFORMANCE);
		browser.driver().manage().logs().get(LogType.BROWSER);
	}

	/**
	 * Inspects the page the browser shows now, counting everything logged since the last
	 * {@link #reset}.
	 */
	public static PageInspection current(HeadlessBrowser browser) {
		ChromeDriver driver = browser.driver();
		Network network = Network.of(driver.manage().logs().get(LogType.PERFORMANCE).getAll());
		List<String> console = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
		List<String> violations = strings(driver.executeScript("return window.__cspViolations || [];"));
		List<String> structure = strings(driver.executeScript(STRUCTURE));
		return new PageInspection(driver.getCurrentUrl(), network.status, network.bytes, network.resources,
				network.resourceBytes, network.headers, console, violations, structure);
	}

	/** Opens {@code url} and inspects it. */
	public static PageInspection open(HeadlessBrowser browser, String url) {
		reset(browser);
		browser.open(url);
		return current(browser);
	}

	public String url() {
		return this.url;
	}

	/** The HTTP status of the document (after redirects). */
	public int status() {
		return this.status;
	}

	/**
	 * Bytes received for the document, its redirects and every subresource, headers
	 * included.
	 */
	public long transferredBytes() {
		return this.transferredBytes;
	}

	/**
	 * {@link #transferredBytes()} without the resources whose address {@code exempt}
	 * accepts.
	 */
	public long transferredBytesWithout(Predicate<String> exempt) {
		return this.transferredBytes - this.resourceBytes.entrySet()
			.stream()
			.filter((resource) -> exempt.test(resource.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	public List<String> resources() {
		return this.resources;
	}

	/** The document's response headers, names in lower case. */
	public Map<String, String> headers() {
		return this.headers;
	}

	public List<String> consoleErrors() {
		return this.consoleErrors;
	}

	public List<String> cspViolations() {
		return this.cspViolations;
	}

	public List<String> structureProblems() {
		return this.structureProblems;
	}

	@Override
	public String toString() {
		return this.url + " (" + this.status + ", " + this.transferredBytes + " bytes: " + this.resources + ")";
	}

	private static List<String> strings(Object value) {
		List<String> result = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> result.add(String.valueOf(item)));
		}
		return result;
	}

	/** The DevTools network events of one navigation, added up. */
	private static final class Network {

		private long bytes;

		private int status;

		private final List<String> resources = new ArrayList<>();

		private final Map<String, Long> resourceBytes = new HashMap<>();

		private final Map<String, String> headers = new HashMap<>();

		private final Map<String, String> urls = new HashMap<>();

		static Network of(List<LogEntry> entries) {
			Network network = new Network();
			for (LogEntry entry : entries) {
				Map<String, Object> message = map(map(JSON.toType(entry.getMessage(), Map.class)).get("message"));
				network.add(String.valueOf(message.get("method")), map(message.get("params")));
			}
			return network;
		}

		private void add(String method, Map<String, Object> params) {
			String requestId = String.valueOf(params.get("requestId"));
			switch (method) {
				case "Network.requestWillBeSent" -> {
					this.urls.put(requestId, String.valueOf(map(params.get("request")).get("url")));
					if (params.get("redirectResponse") != null) {
						Map<String, Object> redirect = map(params.get("redirectResponse"));
						long length = number(redirect.get("encodedDataLength"));
						this.bytes += length;
						this.resources
							.add(redirect.get("url") + " (" + number(redirect.get("status")) + ", " + length + ")");
					}
				}
				case "Network.responseReceived" -> {
					if ("Document".equals(params.get("type"))) {
						Map<String, Object> response = map(params.get("response"));
						this.status = (int) number(response.get("status"));
						this.headers.clear();
						map(response.get("headers")).forEach((name, value) -> this.headers
							.put(name.toLowerCase(Locale.ROOT), String.valueOf(value)));
					}
				}
				case "Network.loadingFinished" -> {
					long length = number(params.get("encodedDataLength"));
					this.bytes += length;
					String url = this.urls.getOrDefault(requestId, requestId);
					this.resources.add(url + " (" + length + ")");
					this.resourceBytes.merge(url, length, Long::sum);
				}
				default -> {
				}
			}
		}

		@SuppressWarnings("unchecked")
		private static Map<String, Object> map(Object value) {
			return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
		}

		private static long number(Object value) {
			return (value instanceof Number number) ? number.longValue() : 0;
		}

	}

}
