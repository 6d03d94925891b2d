package pk.gov.kp.khyberpass.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium with a profile of its own, used by the demo citizen of the sample's
 * and the quickstart's seeds: signs in at Khyber Pass, answers its consent page, and
 * waits for pages, telling what the page said when it waited in vain. Closing it quits
 * the browser and deletes the profile.
 */
final class CitizenBrowser implements AutoCloseable {

	static final String CNIC = "17301-1234567-2";

	static final String PASSWORD = "a-long-demo-passphrase";

	static final Duration WAIT = Duration.ofSeconds(20);

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	/** Whether the citizen shares their CNIC on the consent page. */
	enum Cnic {

		SHARED, NOT_SHARED

	}

	private final Path profile;

	private final WebDriver driver;

	private CitizenBrowser(Path profile, WebDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/** Why Chromium cannot be started here, if it cannot. */
	static Optional<String> missing() {
		return (RunningSystem.executable(CHROMIUM) && RunningSystem.executable(CHROMEDRIVER)) ? Optional.empty()
				: Optional.of("Chromium or chromedriver is not installed at " + CHROMIUM + " / " + CHROMEDRIVER);
	}

	static CitizenBrowser start() throws IOException {
		Path profile = Files.createTempDirectory("khyberpass-e2e-chromium");
		try {
			return new CitizenBrowser(profile, chromium(profile));
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw ex;
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Signs in on Khyber Pass's sign-in page, once it is shown, as the demo citizen. */
	void signInAtKhyberPass() {
		waitFor(By.id("username")).sendKeys(CNIC);
		this.driver.findElement(By.id("password")).sendKeys(PASSWORD);
		this.driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
	}

	/**
	 * Waits for Khyber Pass's consent page and allows what it proposes.
	 * @return the page's heading, which names the department
	 */
	String allow() {
		waitForUrlContaining("/oauth2/consent");
		String heading = waitFor(By.tagName("h1")).getText();
		this.driver.findElement(By.xpath("//button[normalize-space()='Allow']")).click();
		return heading;
	}

	/**
	 * Waits for Khyber Pass's consent page, ticks or clears the CNIC as given, and
	 * allows.
	 */
	void allow(Cnic cnic) {
		waitForUrlContaining("/oauth2/consent");
		WebElement box = this.driver.findElement(By.id("scope-cnic"));
		if (box.isSelected() != (cnic == Cnic.SHARED)) {
			box.click();
		}
		this.driver.findElement(By.xpath("//button[normalize-space()='Allow']")).click();
	}

	/**
	 * Waits for the element, failing with the page's address and text if it does not
	 * come.
	 */
	WebElement waitFor(By locator) {
		try {
			return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
		}
		catch (TimeoutException ex) {
			String page = this.driver.findElement(By.tagName("body")).getText();
			throw new AssertionError("No " + locator + " on " + this.driver.getCurrentUrl() + ": "
					+ page.replace('\n', ' ').substring(0, Math.min(page.length(), 600)), ex);
		}
	}

	void waitForUrlContaining(String fragment) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.urlContains(fragment));
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			delete(this.profile);
		}
	}

	private static WebDriver chromium(Path profile) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile);
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(WAIT);
		return driver;
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
