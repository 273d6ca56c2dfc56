package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shop screens in a real headless Chromium against the real platform: a verified merchant signs in with its
 * password, creates a product in the console and changes its price, stock and description (version 2); a partner
 * signed in with a new DID wallet finds it by name, category and price range, opens it, sees both versions with
 * their audit entries (one opened in the explorer), tops up its wallet through the sandbox provider (the signed
 * webhook shown, then delivered) and sees the balance; the shop in Chinese. Every screen: screenshot, axe-core, no
 * console error, nothing wider than the phone.
 */
@ExtendWith(PlatformExtension.class)
class ShopBrowserIT {

    private static String base() {
        return PlatformExtension.settings().baseUrl();
    }

    @Test
    void aMerchantListsAProductAndAPartnerFindsItSeesItsVersionsAndTopsUp() {
        String admin = Gov.adminToken();
        String username = "shopui-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String merchantId = MerchantAdminIT.create(admin, username, password, null).then().statusCode(201)
            .extract().path("id");
        MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + merchantId + "/verification", null).then().statusCode(200);
        String name = "Oolong " + UUID.randomUUID().toString().substring(0, 6);
        String gtin = Shop.gtin();
        String product;

        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            b.open("/merchant");
            b.signInWithPassword(username, password);
            b.awaitPath("/merchant");
            b.await(By.id("my-products-none"));
            b.checkScreen("shop-01-merchant-console-empty-phone-en");

            b.driver().findElement(By.cssSelector("a[href='/merchant/new']")).click();
            b.awaitPath("/merchant/new");
            b.await(By.id("np-gtin")).sendKeys(gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10));
            b.driver().findElement(By.id("np-name")).sendKeys(name);
            b.driver().findElement(By.id("np-description")).sendKeys("Roasted in Anxi, spring harvest.");
            b.driver().findElement(By.id("np-category")).sendKeys("tea");
            b.driver().findElement(By.id("np-stock")).clear();
            b.driver().findElement(By.id("np-stock")).sendKeys("25");
            b.driver().findElement(By.id("np-price-CNY")).sendKeys("68.50");
            b.driver().findElement(By.id("np-create")).click();
            // a wrong check digit: the server's problem in words, nothing created
            assertEquals("gtin-invalid", b.await(By.id("new-product-error")).getAttribute("data-problem"));
            b.checkScreen("shop-02-new-product-refused-phone-en");
            b.driver().findElement(By.id("np-gtin")).clear();
            b.driver().findElement(By.id("np-gtin")).sendKeys(gtin);
            b.driver().findElement(By.id("np-create")).click();
            b.await(By.id("product-created"));
            product = String.valueOf(b.js("return location.pathname")).substring("/merchant/products/".length());
            assertEquals("1", b.await(By.id("product-version")).getAttribute("data-version"));
            given().get("/api/v1/products/" + product).then().statusCode(200);

            // A change of price, stock and description is version 2; version 1 stays in the history.
            WebElement price = b.await(By.id("edit-price-CNY"));
            assertEquals("68.50", price.getAttribute("value"));
            price.clear();
            price.sendKeys("59");
            b.driver().findElement(By.id("edit-stock")).clear();
            b.driver().findElement(By.id("edit-stock")).sendKeys("20");
            b.driver().findElement(By.id("edit-description")).sendKeys(" Second roast.");
            b.assertNoHorizontalOverflow();
            b.driver().findElement(By.id("edit-save")).click();
            assertEquals("2", b.await(By.id("edit-done")).getAttribute("data-version"));
            b.await(By.cssSelector("#product-versions tr[data-version='2']"));
            b.await(By.cssSelector("#product-versions tr[data-version='1']"));
            var current = given().get("/api/v1/products/" + product).then().statusCode(200).extract().jsonPath();
            assertEquals(2, current.getInt("version"));
            assertEquals(5900, current.getLong("prices.find { it.currency == 'CNY' }.amount"));
            assertEquals(20, current.getLong("stock"));
            b.assertNoHorizontalOverflow();
            b.checkScreen("shop-03-merchant-product-version-2-phone-en");

            b.navigate("/merchant");
            assertEquals("LIVE", b.await(By.cssSelector("#my-products li[data-product='" + product + "'] .badge"))
                .getAttribute("data-status"));
            b.checkScreen("shop-04-merchant-products-phone-en");
        }

        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            b.signInWithNewWallet();

            // Search: by name, category and a CNY price range that holds 59.00 but not the first price 68.50.
            b.navigate("/shop");
            b.await(By.id("shop-q")).sendKeys(name.substring(0, 10).toLowerCase());
            b.driver().findElement(By.id("shop-category")).sendKeys("tea");
            new Select(b.driver().findElement(By.id("shop-currency"))).selectByValue("CNY");
            b.driver().findElement(By.id("shop-min")).sendKeys("50");
            b.driver().findElement(By.id("shop-max")).sendKeys("60");
            b.driver().findElement(By.id("shop-search-submit")).click();
            WebElement hit = b.await(By.cssSelector("#products li[data-product='" + product + "']"));
            assertTrue(hit.getText().contains("59.00"), hit.getText());
            b.assertNoHorizontalOverflow();
            b.checkScreen("shop-05-search-found-phone-en");
            b.driver().findElement(By.id("shop-max")).clear();
            b.driver().findElement(By.id("shop-max")).sendKeys("58.99");
            b.driver().findElement(By.id("shop-search-submit")).click();
            b.await(By.id("shop-empty"));

            // The product page: the current version and the history, each version with its audit entry.
            b.driver().findElement(By.id("shop-max")).clear();
            b.driver().findElement(By.id("shop-max")).sendKeys("60"); // typing is what the form reads (clear() alone is not input)
            b.driver().findElement(By.id("shop-search-submit")).click();
            b.await(By.cssSelector("#products li[data-product='" + product + "'] a")).click();
            b.awaitPath("/shop/products/" + product);
            assertEquals("2", b.await(By.id("product-version")).getAttribute("data-version"));
            assertEquals("20", b.driver().findElement(By.id("product-stock")).getAttribute("data-stock"));
            assertEquals("5900", b.driver().findElement(By.cssSelector("#product-prices li[data-currency='CNY']"))
                .getAttribute("data-amount"));
            By first = By.cssSelector("#product-versions tr[data-version='1']");
            new WebDriverWait(b.driver(), Duration.ofSeconds(60)).until(d -> !d.findElement(first)
                .getAttribute("data-audit-index").isEmpty() && !d.findElement(By.cssSelector(
                    "#product-versions tr[data-version='2']")).getAttribute("data-audit-index").isEmpty());
            b.assertNoHorizontalOverflow();
            b.checkScreen("shop-06-product-versions-phone-en");
            String index = b.driver().findElement(first).getAttribute("data-audit-index");
            b.driver().findElement(first).findElement(By.tagName("a")).click();
            b.awaitPath("/audit/entries/" + index);
            assertEquals("commerce.product.created", b.await(By.id("entry-type")).getText());

            // Top-up through the sandbox: created, the provider's signed confirmation shown, delivered, credited.
            b.navigate("/shop/wallet");
            b.await(By.id("shop-wallets-none"));
            b.driver().findElement(By.id("topup-amount")).sendKeys("100");
            b.driver().findElement(By.id("topup-submit")).click();
            String webhook = b.await(By.id("topup-webhook")).getText();
            assertTrue(webhook.contains("\"type\":\"top_up.succeeded\"") && webhook.contains("\"amount\":10000"), webhook);
            assertTrue(b.driver().findElement(By.id("topup-signature")).getText().matches("Copartner-Signature: t=\\d+,v1=[0-9a-f]{64}"));
            b.checkScreen("shop-07-topup-signed-confirmation-phone-en");
            b.driver().findElement(By.id("topup-confirm")).click();
            b.await(By.id("topup-done"));
            b.await(By.cssSelector("#topup-progress li[data-stage='completed'][data-done='true']"));
            assertEquals("10000", b.await(By.cssSelector("#shop-wallets li[data-currency='CNY']")).getAttribute("data-balance"));
            assertTrue(b.driver().findElement(By.cssSelector("#shop-wallets li[data-currency='CNY']")).getText().contains("100.00"));
            b.assertNoHorizontalOverflow();
            b.checkScreen("shop-08-topup-credited-phone-en");

            // The same screens in Chinese, on a desktop.
            b.setWidth(1280, 900);
            new Select(b.driver().findElement(By.id("locale-switcher"))).selectByValue("zh-CN");
            b.awaitText(By.id("page-title"), "商城钱包");
            b.checkScreen("shop-09-wallet-desktop-zh");
            b.navigate("/shop/products/" + product);
            b.awaitText(By.id("versions-title"), "版本历史");
            b.checkScreen("shop-10-product-desktop-zh");
        }
    }
}
