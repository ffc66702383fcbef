package io.loyaltypulse.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven by Debian's chromium-driver through Selenium (both
 * installed by {@code .ci/run}; {@code apt-get install chromium chromium-driver} on a
 * developer's machine). Selenium Manager is never asked to download a browser: the
 * binaries are named. Without them the test fails and says what to install: it does not
 * skip.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("loyalty.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("loyalty.chromedriver", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final Path screenshots;

	private Browser(ChromeDriver driver, Path screenshots) {
		this.driver = driver;
		this.screenshots = screenshots;
	}

	static Browser open(Path screenshots, Path profile) throws IOException {
		for (Path binary : new Path[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(binary)) {
				throw new IllegalStateException(binary + " is missing: the dashboard's browser test needs Debian's "
						+ "chromium and chromium-driver (sudo apt-get install chromium chromium-driver; .ci/run does)");
			}
		}
		Files.createDirectories(screenshots);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// The flags that keep chromium off a closed network (it would look up Google's
		// hosts at every start) and able to run as root in a container.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1440,1000", "--user-data-dir=" + profile.toAbsolutePath());
		// The console, to find script errors and Content-Security-Policy violations.
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), screenshots);
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Waits up to 20 seconds (a page that reads two APIs on two busy cores). */
	WebDriverWait waiting() {
		return new WebDriverWait(this.driver, Duration.ofSeconds(20));
	}

	/** Runs a script in the page and returns what it returns. */
	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	/** The errors the pages logged to the console since the last call. */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** A PNG of the page as it is, to {@code <screenshots>/<name>.png}. */
	Path screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Path target = this.screenshots.resolve(name + ".png");
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
