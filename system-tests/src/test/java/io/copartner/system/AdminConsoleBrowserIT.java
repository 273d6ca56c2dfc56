package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real Chromium: the demo admin signs in with a password (authorization code + PKCE
 * against Keycloak, from the app's own button), finds a merchant, suspends it with a reason and reinstates it,
 * follows the history's audit link into the explorer, and visits every admin screen; axe-core finds no serious
 * violation on any of them, and the merchant page fits the 360 px phone.
 *
 * <p>Why it once failed: the merchant page was 544 px wide on the phone. The history table scrolls inside its box,
 * but the screen-reader-only span of its last column (absolutely positioned, so its containing block was the page,
 * not the scroll box) escaped it. Chromium's mobile emulation then grows the layout viewport to the content and the
 * visual viewport pans apart from it, so WebDriver's click on "Suspend" landed on the history's header and nothing
 * happened. The box is now the span's containing block ({@code .table-wrap { position: relative }}).
 */
@ExtendWith(PlatformExtension.class)
class AdminConsoleBrowserIT {

    @Test
    void anAdminSignsInWithAPasswordAndSuspendsThenReinstatesAMerchant() {
        String admin = Tokens.password("admin", "admin");
        String username = "web" + UUID.randomUUID().toString().substring(0, 8);
        String id = MerchantAdminIT.create(admin, username, null, null).then().statusCode(201).extract().path("id");
        MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + id + "/verification", null).then().statusCode(200);

        try (HeadlessChromium b = HeadlessChromium.phone()) {
            b.open("/admin");
            b.signInWithPassword("admin", "admin");
            b.waitForUrl("/admin");
            b.waitFor(By.id("merchant-q"));
            b.checkScreen("admin-merchants-en");

            b.type(By.id("merchant-q"), username);
            b.click(By.id("merchant-search"));
            b.click(By.cssSelector("tr[data-merchant='" + username + "'] a"));
            b.waitFor(By.id("merchant-facts"));
            b.waitFor(By.id("merchant-history"));
            b.assertNoHorizontalOverflow();

            b.type(By.id("suspend-reason"), "licence expired (browser test)");
            b.click(By.id("suspend-merchant"));
            b.waitFor(By.id("action-done"));
            b.waitForAttribute(By.cssSelector("#merchant-title .badge"), "data-status", "SUSPENDED", Duration.ofSeconds(30));
            assertEquals("SUSPENDED", status(admin, id));
            b.waitFor(By.cssSelector("#merchant-history tr[data-type='identity.merchant.suspended']"));
            b.checkScreen("admin-merchant-suspended-en");

            b.click(By.id("reinstate-merchant"));
            b.waitForAttribute(By.cssSelector("#merchant-title .badge"), "data-status", "VERIFIED", Duration.ofSeconds(30));
            assertEquals("VERIFIED", status(admin, id));
            WebElement reinstated = b.waitFor(By.cssSelector("#merchant-history tr[data-type='identity.merchant.reinstated']"));
            b.checkScreen("admin-merchant-reinstated-en");

            // The history's audit receipt opens the public explorer on that very entry.
            reinstated.findElement(By.tagName("a")).click();
            b.waitForUrl("/audit/entries/");
            assertEquals("identity.merchant.reinstated", b.waitFor(By.id("entry-type")).getText());

            // Back in the console (in-app navigation keeps the in-memory session), every other screen.
            b.driver.navigate().back();
            b.waitFor(By.id("merchant-facts"));
            b.click(By.cssSelector(".admin-tabs a[href='/admin/system']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='database'] [data-health='UP']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='chain'] [data-health='UP']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='keycloak'] [data-health='UP']"));
            b.checkScreen("admin-system-en");
            b.click(By.cssSelector(".admin-tabs a[href='/admin/keys']"));
            assertTrue(b.waitFor(By.id("platform-did")).getText().startsWith("did:web:"));
            b.checkScreen("admin-keys-en");
            b.click(By.cssSelector(".admin-tabs a[href='/admin/credentials']"));
            b.waitFor(By.id("credential-id"));
            b.checkScreen("admin-credentials-en");
            b.language("zh-CN");
            b.click(By.cssSelector(".admin-tabs a[href='/admin/system']"));
            b.waitFor(By.cssSelector("#health-checks tr[data-check='database'] [data-health='UP']"));
            assertEquals("管理控制台", b.text(By.tagName("h1")));
            b.checkScreen("admin-system-zh");
            assertEquals(List.of(), b.consoleErrors(), "browser console");
        }
    }

    private static String status(String admin, String id) {
        return given().auth().oauth2(admin).get("/api/v1/admin/merchants/" + id).then().statusCode(200)
            .extract().path("status");
    }
}
