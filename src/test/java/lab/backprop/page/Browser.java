package lab.backprop.page;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Debian's chromedriver, given by path so that
 * Selenium Manager never downloads a driver or a browser; a fresh profile directory each
 * time; the browser console recorded.
 */
final class Browser implements AutoCloseable {

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private final Path profile;

	private final ChromeDriverService service;

	final ChromeDriver driver;

	Browser() {
		try {
			this.profile = Files.createTempDirectory("backprop-page-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
		this.driver = new ChromeDriver(service, options);
	}

	WebDriver driver() {
		return driver;
	}

	Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	<T> T waitFor(Function<WebDriver, T> condition) {
		// the page redraws after each answer: an element found a moment ago may be gone,
		// so look again
		return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/**
	 * Waits until the page has finished its requests in the given state ("ready" or
	 * "error").
	 */
	void waitForState(String state) {
		waitFor(d -> state.equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<String> texts(String css) {
		return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	/**
	 * The page as it is on screen, the whole height of it, as
	 * target/screenshots/{name}.png.
	 */
	@SuppressWarnings("unchecked")
	Path screenshot(String name) {
		Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A phone's viewport: width × height CSS pixels, honouring the page's meta viewport.
	 */
	void emulatePhone(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
	}

	/**
	 * The console's SEVERE entries since the last call, except those {@code expected}
	 * accepts.
	 */
	List<String> severeConsoleEntries(Predicate<String> expected) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(expected.negate())
			.toList();
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a temporary directory left behind is no failure of the page
			}
		}
	}

}
