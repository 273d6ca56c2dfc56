package io.copartner.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver (both from apt, never downloaded: Selenium Manager is not
 * used because the driver and the binary are given), with a fresh profile per instance and the flags that keep it
 * off the network (only 127.0.0.1 is reached). Offers what the web UI tests share: bounded waits, screenshots
 * under target/screenshots, axe-core (from webapp/node_modules) and the page's console errors.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final String baseUrl;
    /** The emulated viewport width (CSS px), which no screen may exceed. */
    private int width;

    private Browser(ChromeDriver driver, Path profile, Path downloads, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.baseUrl = baseUrl;
    }

    /** A fresh browser preferring {@code language} (e.g. "en-US", "zh-CN"), {@code width}×{@code height}. */
    public static Browser start(String baseUrl, String language, int width, int height) {
        try {
            Path profile = Files.createTempDirectory("copartner-chromium-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions o = new ChromeOptions();
            o.setBinary(System.getProperty("copartner.chromium", "/usr/bin/chromium"));
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + width + "," + height);
            o.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", language,
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            o.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("copartner.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
            ChromeDriver driver = new ChromeDriver(service, o);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Browser b = new Browser(driver, profile, downloads, baseUrl);
            b.setWidth(width, height);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Path downloads() {
        return downloads;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement awaitText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public void awaitPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> path.equals(js("return location.pathname")));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The viewport, emulated through the DevTools protocol: a headless window cannot be narrower than ~500 px, so a
     * 360 px phone needs the emulation (as a phone, with touch-size layout, below 600 px).
     */
    public void setWidth(int width, int height) {
        this.width = width;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
            "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /**
     * Fails when the page is wider than the emulated screen, naming the widest elements. The layout viewport of a
     * mobile-emulated page grows to its content, so window.innerWidth is no yardstick: the width set here is. Such a
     * page scrolls sideways on a phone, and WebDriver's clicks then land beside their targets (the visual viewport
     * pans apart from the layout viewport).
     */
    public void assertNoHorizontalOverflow() {
        Object wide = js("const w = arguments[0]; const out = [];"
            + "for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();"
            + " if (r.width > 0 && r.right > w + 1) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + " + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/ +/g, '.') : '')"
            + " + ' right=' + Math.round(r.right));"
            // text wider than its (non-scrolling) box overflows without any element reaching past the edge
            + " else if (r.width > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'"
            + " && r.left + e.scrollWidth > w + 1) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + " + ' text overflows to ' + Math.round(r.left + e.scrollWidth)); }"
            + "return document.documentElement.scrollWidth > w ? document.documentElement.scrollWidth + ' > ' + w"
            + " + ': ' + out.slice(0, 12).join(', ') : null;", width);
        if (wide != null) {
            throw new AssertionError("page wider than the screen at " + js("return location.pathname") + ": " + wide);
        }
    }

    /**
     * Password sign-in from the app's own button: Keycloak's browser flow opens on the DID wallet page, where a
     * password user takes "Try another way" → "Username and password".
     */
    public void signInWithPassword(String user, String password) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("password-sign-in"))).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/realms/copartner/"));
        if (driver.findElements(By.id("username")).isEmpty()) {
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("try-another-way"))).click();
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(normalize-space(.), 'Username and password')]/ancestor-or-self::*[self::button or self::a or self::li][1]")))
                .click();
        }
        await(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, WAIT).until(d -> String.valueOf(d.getCurrentUrl()).startsWith(baseUrl)
            && !String.valueOf(d.getCurrentUrl()).contains("/auth/callback"));
    }

    /** A PNG of the viewport under target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password the browser tests give a new wallet (and a restore). */
    public static final String WALLET_PASSWORD = "correct horse battery";

    /** Creates a did:key wallet in this profile, signs in with it, and returns its DID once the account shows it. */
    public String signInWithNewWallet() {
        open("/wallet");
        await(By.id("create-password")).sendKeys(WALLET_PASSWORD);
        driver.findElement(By.id("create-password2")).sendKeys(WALLET_PASSWORD);
        driver.findElement(By.id("create-wallet")).click();
        String did = await(By.id("wallet-did")).getText();
        driver.findElement(By.id("did-sign-in")).click();
        awaitPath("/account");
        assertEquals(did, await(By.id("account-did")).getText());
        return did;
    }

    /** In-app navigation (keeps the in-memory session), as a click on a link does. */
    public void navigate(String path) {
        js("history.pushState(null, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate'));", path);
        awaitPath(path);
    }

    /**
     * The check every screen of a browser test gets: photographed, then no serious or critical axe-core violation
     * and no console error (each fails the test, naming the screen); the axe verdict is printed for the report.
     */
    public void checkScreen(String name) {
        screenshot(name);
        List<String> violations = seriousAccessibilityViolations();
        System.out.println("axe " + name + ": " + (violations.isEmpty() ? "no serious/critical violations" : violations));
        assertEquals(List.of(), violations, "axe-core on " + name);
        assertEquals(List.of(), consoleErrors(), "console errors on " + name);
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and returns the serious and critical
     * violations as "rule: target…" lines. The script is injected from the web app's own locked npm packages.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        js(axeSource());
        Object result = driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    /**
     * Console errors (level SEVERE) since the last call. Chromium also logs every HTTP error answer as "Failed to
     * load resource"; those are the API's documented answers (404 for no personal data, 400 for a bad field), which
     * the screens show as empty or error states, so they are not counted: script errors, CSP refusals and failed
     * loads of the app's own files are.
     */
    public List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            boolean apiAnswer = e.getMessage().contains("/api/v1/")
                && e.getMessage().contains("Failed to load resource: the server responded with a status of 4");
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !apiAnswer) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** The first file that appears complete in the download folder. */
    public Path awaitDownload() {
        return Await.until(WAIT, () -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> !f.toString().endsWith(".crdownload") && !f.toString().endsWith(".tmp"))
                    .filter(f -> f.toFile().length() > 0).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String axeSource() {
        Path repo = Path.of(System.getProperty("copartner.repo.root", ".."));
        Path axe = repo.resolve("webapp/node_modules/axe-core/axe.min.js");
        try {
            return Files.readString(axe, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core missing (the webapp build installs it): " + axe, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a locked file of the profile stays in the temp folder; nothing to fail the test for
            }
        }
    }
}
