package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The order screens in a real headless Chromium against the real platform, three people in three browsers: a DID
 * partner tops up, buys two units from the product page (escrow), buys again and cancels (after the confirmation);
 * the merchant (password) ships with carrier and tracking number; the partner sees the shipment, confirms delivery
 * and writes a verified-purchase review; the merchant replies to it, refunds one unit (the amount per line shown
 * before it is sent) and sees what the settled order released to it in its receivables; an admin hides the review
 * with a reason. Then the merchant authorises its browser wallet as a supply-chain party, signs a commissioning
 * event for an item in the browser and opens the item's public trace page. Each step's resulting API state is
 * asserted; every screen is photographed, checked by axe-core and for console errors, and fits the phone.
 */
@ExtendWith(PlatformExtension.class)
class OrdersBrowserIT {

    private static final Duration API_WAIT = Duration.ofSeconds(30);

    private static String base() {
        return PlatformExtension.settings().baseUrl();
    }

    @Test
    void aMerchantAuthorisesItsBrowserWalletAndCapturesASignedTraceEventShownOnThePublicTracePage() {
        String admin = Tokens.password("admin", "admin");
        String username = "traceui-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String merchantId = MerchantAdminIT.create(admin, username, password, null).then().statusCode(201)
            .extract().path("id");
        MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + merchantId + "/verification", null).then().statusCode(200);
        String gtin = Shop.gtin();
        String name = "Traced oolong " + gtin;
        String product = Shop.create(Tokens.password(username, password), Shop.product(gtin, name, "tea", 6800),
            "it-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        String serial = "S-" + UUID.randomUUID().toString().substring(0, 6);

        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            // A wallet in this browser (not used to sign in): the merchant signs in with its password.
            b.open("/wallet");
            b.await(By.id("create-password")).sendKeys(Browser.WALLET_PASSWORD);
            b.driver().findElement(By.id("create-password2")).sendKeys(Browser.WALLET_PASSWORD);
            b.driver().findElement(By.id("create-wallet")).click();
            String did = b.await(By.id("wallet-did")).getText();
            b.open("/merchant/products/" + product);
            b.signInWithPassword(username, password);
            b.awaitPath("/merchant/products/" + product);
            b.await(By.cssSelector("a[href='/merchant/trace/" + product + "']")).click();
            b.awaitPath("/merchant/trace/" + product);
            b.await(By.id("parties-none"));
            assertEquals(did, b.await(By.id("capture-signer")).getText());
            b.await(By.id("capture-not-authorised"));
            b.checkScreen("trace-01-console-unauthorised-phone-en");
            b.driver().findElement(By.id("authorise-wallet")).click();
            b.await(By.cssSelector("#parties-list li[data-did='" + did + "'][data-ended='false']"));
            assertEquals(did, given().auth().oauth2(Tokens.password(username, password))
                .get("/api/v1/products/" + product + "/parties").then().statusCode(200).extract().path("[0].did"));

            b.await(By.id("capture-serials")).sendKeys(serial);
            b.driver().findElement(By.id("capture-place")).sendKeys("https://id.gs1.org/414/4012345000009");
            b.assertNoHorizontalOverflow();
            b.checkScreen("trace-02-capture-form-phone-en");
            b.driver().findElement(By.id("capture-submit")).click();
            b.await(By.id("capture-done"));
            JsonPath trace = Trace.trace("/01/" + gtin + "/21/" + serial);
            assertEquals(1, trace.getList("events").size());
            assertEquals("commissioning", trace.getString("events[0].event.bizStep"));
            assertEquals(product, trace.getString("product.id"));
            b.checkScreen("trace-03-captured-phone-en");

            // The product page links to the item's public trace page, which shows the event.
            b.navigate("/shop/products/" + product);
            b.await(By.id("trace-value")).sendKeys(serial);
            b.await(By.id("trace-link")).click();
            b.awaitPath("/trace/01/" + gtin + "/21/" + serial);
            b.awaitText(By.tagName("body"), name);
        }
    }

    private static void awaitStatus(Browser b, String status) {
        new WebDriverWait(b.driver(), Browser.WAIT).until(d -> status.equals(
            d.findElement(By.id("order-status")).getAttribute("data-status")));
    }

    /** Every step of the shown order has reached the audit log (the page re-reads until each has its index). */
    private static void awaitAudited(Browser b) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(60)).until(d -> d.findElements(
            By.cssSelector("#order-history li[data-audit-index='']")).isEmpty()
            && !d.findElements(By.cssSelector("#order-history li[data-audit-index]")).isEmpty());
    }

    private static JsonPath reviews(String product) {
        return Await.until(API_WAIT, () -> given().get("/api/v1/products/" + product + "/reviews").then().statusCode(200)
            .extract().jsonPath());
    }
}
