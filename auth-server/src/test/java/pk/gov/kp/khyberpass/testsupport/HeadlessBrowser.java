package pk.gov.kp.khyberpass.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless through Debian's chromedriver (nothing is
 * downloaded), with its own throw-away profile. Close it after the test;
 * {@link #driver()} gives the full Selenium API, including the WebDriver virtual
 * authenticator for passkeys.
 */
public final class HeadlessBrowser implements AutoCloseable {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessBrowser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts Chromium, or fails with one clear line when it is not installed (CI installs
	 * it).
	 */
	public static HeadlessBrowser start() {
		if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver at " + CHROMIUM
					+ " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run does it)");
		}
		try {
			Path profile = Files.createTempDirectory("khyberpass-chromium");
			System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile);
			// The console (errors, CSP violations) and the DevTools network events (bytes
			// on the wire, headers)
			// are kept for PageInspection.
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			logs.enable(LogType.PERFORMANCE, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(WAIT);
			return new HeadlessBrowser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Clicks what submits a form or follows a link and waits until the browser has left
	 * the current document, so that nothing read afterwards belongs to the old page
	 * (waiting for an element alone can find the old page's copy of it).
	 */
	public void clickAndWaitForNextPage(By locator) {
		WebElement current = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(locator).click();
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.stalenessOf(current));
	}

	public void waitForUrlStartingWith(String prefix) {
		new WebDriverWait(this.driver, WAIT).until((d) -> d.getCurrentUrl().startsWith(prefix));
	}

	public void type(By locator, String text) {
		WebElement field = waitFor(locator);
		field.clear();
		field.sendKeys(text);
	}

	public String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	@Override
	public void close() {
		this.driver.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a left-over temporary profile is harmless
		}
	}

}
