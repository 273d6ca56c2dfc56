package io.copartner.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit explorer's and admin console's conveniences over the system tests' {@link Browser} (Debian's
 * Chromium): waits with their own timeouts, the app's language switcher, full-page screenshots, and one call that
 * saves a screen's screenshot and asserts axe-core finds no serious or critical violation on it.
 */
final class HeadlessChromium implements AutoCloseable {

    private final Browser browser;
    final ChromeDriver driver;

    private HeadlessChromium(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    /** A 360 px wide phone, the narrowest screen the app supports, preferring English. */
    static HeadlessChromium phone() {
        return new HeadlessChromium(Browser.start(PlatformExtension.settings().baseUrl(), "en-US", 360, 800));
    }

    /** Loads a page of the app (a full page load: the in-memory session does not survive it). */
    HeadlessChromium open(String path) {
        browser.open(path);
        return this;
    }

    WebElement waitFor(By by) {
        return browser.await(by);
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

    /** The whole page, not just the viewport (DevTools: capture beyond the viewport), under target/screenshots. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Number w = (Number) browser.js("return document.documentElement.clientWidth");
            Number h = (Number) browser.js("return Math.min(8000, document.documentElement.scrollHeight)");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", w.intValue(), "height", h.intValue(), "scale", 1)));
            Path file = Browser.SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the screen under {@code name} and asserts axe-core finds no serious or critical violation on it. */
    void checkScreen(String name) {
        screenshot(name);
        assertEquals(List.of(), browser.seriousAccessibilityViolations(), "axe-core on " + name + " (" + driver.getCurrentUrl() + ")");
    }

    /** The app's password sign-in through Keycloak (see {@link Browser#signInWithPassword}). */
    void signInWithPassword(String user, String password) {
        browser.signInWithPassword(user, password);
    }

    /** Fails when the page is wider than the phone (see {@link Browser#assertNoHorizontalOverflow}). */
    void assertNoHorizontalOverflow() {
        browser.assertNoHorizontalOverflow();
    }

    List<String> consoleErrors() {
        return browser.consoleErrors();
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    @Override
    public void close() {
        browser.close();
    }
}
