package io.copartner.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (Debian's chromium + chromedriver, never a downloaded browser) on the web app of the
 * started platform, phone-sized by default: waits, screenshots under target/screenshots, an axe-core scan that
 * fails on serious or critical violations, and the browser console's errors.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final Path profile;

    HeadlessChromium(int width, int height) {
        try {
            profile = Files.createTempDirectory("copartner-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(System.getProperty("copartner.chromium", "/usr/bin/chromium"));
        // Without the background-networking flags Chromium keeps calling hosts this machine must never reach.
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--lang=en-US", "--window-size=" + Math.max(width, 500) + "," + height,
            "--user-data-dir=" + profile);
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // A desktop window cannot be narrower than ~500 px; the phone's viewport is emulated.
        o.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
            Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(System.getProperty("copartner.chromedriver", "/usr/bin/chromedriver")).toFile())
            .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** A 360 px wide phone, the narrowest screen the app supports. */
    static HeadlessChromium phone() {
        return new HeadlessChromium(360, 800);
    }

    /** Loads a page of the app (a full page load: the in-memory session does not survive it). */
    HeadlessChromium open(String path) {
        driver.get(PlatformExtension.settings().baseUrl() + path);
        return this;
    }

    WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(30));
    }

    WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForAttribute(By by, String attribute, String value, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.attributeToBe(by, attribute, value));
    }

    void waitForUrl(String fragment) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(fragment));
    }

    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement e = waitFor(by);
        e.clear();
        e.sendKeys(text);
    }

    /** Switches the app's language with its own switcher, as a user would. */
    void language(String locale) {
        new Select(waitFor(By.id("locale-switcher"))).selectByValue(locale);
        waitForAttribute(By.tagName("html"), "lang", locale, Duration.ofSeconds(5));
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // The whole page, not just the viewport (Chrome DevTools Protocol: capture beyond the viewport).
            Number w = (Number) driver.executeScript("return document.documentElement.clientWidth");
            Number h = (Number) driver.executeScript("return Math.min(8000, document.documentElement.scrollHeight)");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", w.intValue(), "height", h.intValue(), "scale", 1)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core (the app's own locked copy) on the page; returns serious and critical violations, described. */
    List<String> seriousViolations() {
        Path axe = Path.of(System.getProperty("copartner.repo.root", ".."), "webapp/node_modules/axe-core/axe.min.js");
        try {
            // Evaluated through the driver, not injected as a <script>: the app's CSP rightly refuses inline scripts.
            driver.executeScript(Files.readString(axe, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core not found at " + axe + " (npm ci in webapp/ installs it)", e);
        }
        Object out = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })"
            + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e))");
        String json = String.valueOf(out);
        if (json.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed: " + json);
        }
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(json)) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    serious.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " at " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serious;
    }

    /** Asserts axe finds no serious or critical violation and saves a screenshot under {@code name}. */
    void checkScreen(String name) {
        screenshot(name);
        assertEquals(List.of(), seriousViolations(), "axe-core on " + name + " (" + driver.getCurrentUrl() + ")");
    }

    /** The browser console's errors since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    @Override
    public void close() {
        driver.quit();
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
