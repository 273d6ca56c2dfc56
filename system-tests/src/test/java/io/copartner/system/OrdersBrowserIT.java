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
    void aPartnerBuysTheMerchantShipsThePartnerConfirmsAndReviewsTheMerchantRepliesAndAnAdminModerates() {
        String admin = Tokens.password("admin", "admin");
        String username = "ordersui-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String merchantId = MerchantAdminIT.create(admin, username, password, null).then().statusCode(201)
            .extract().path("id");
        MerchantAdminIT.post(admin, "/api/v1/admin/merchants/" + merchantId + "/verification", null).then().statusCode(200);
        String merchantToken = Tokens.password(username, password);
        String name = "Pu-erh " + UUID.randomUUID().toString().substring(0, 6);
        String gtin = Shop.gtin();
        String product = Shop.create(merchantToken, Shop.product(gtin, name, "tea", 6800), "it-" + UUID.randomUUID())
            .then().statusCode(201).extract().path("id");
        String reviewText = "Earthy and smooth, arrived well packed. " + UUID.randomUUID().toString().substring(0, 4);

        try (Browser partner = Browser.start(base(), "en-US", 360, 780);
             Browser merchant = Browser.start(base(), "en-US", 360, 780)) {
            partner.signInWithNewWallet();
            partner.navigate("/orders");
            partner.await(By.id("orders-none"));
            partner.checkScreen("orders-01-my-orders-empty-phone-en");

            // Top up 300.00 through the sandbox (the wallet screen ShopBrowserIT covers), then buy two units.
            partner.navigate("/shop/wallet");
            partner.await(By.id("topup-amount")).sendKeys("300");
            partner.driver().findElement(By.id("topup-submit")).click();
            partner.await(By.id("topup-confirm")).click();
            partner.await(By.id("topup-done"));
            partner.navigate("/shop/products/" + product);
            partner.await(By.id("buy-quantity")).clear();
            partner.driver().findElement(By.id("buy-quantity")).sendKeys("2");
            assertEquals("13600", partner.await(By.id("buy-total")).getAttribute("data-amount"));
            partner.await(By.id("reviews-none"));
            partner.assertNoHorizontalOverflow();
            partner.checkScreen("orders-02-product-buy-box-phone-en");
            partner.driver().findElement(By.id("buy-submit")).click();
            new WebDriverWait(partner.driver(), Browser.WAIT).until(d -> String.valueOf(partner.js("return location.pathname"))
                .matches("/orders/[0-9a-f-]{36}"));
            String order = String.valueOf(partner.js("return location.pathname")).substring("/orders/".length());
            awaitStatus(partner, "PAID");
            assertEquals("13600", partner.await(By.id("order-total")).getAttribute("data-total"));
            assertEquals("PAID", Buy.order(admin, order).getString("status"));
            awaitAudited(partner);
            partner.assertNoHorizontalOverflow();
            partner.checkScreen("orders-03-order-paid-phone-en");

            // A second order, canceled before shipping (after the confirmation): the full amount is back.
            partner.navigate("/shop/products/" + product);
            partner.await(By.id("buy-submit")).click();
            new WebDriverWait(partner.driver(), Browser.WAIT).until(d -> {
                String path = String.valueOf(partner.js("return location.pathname"));
                return path.matches("/orders/[0-9a-f-]{36}") && !path.endsWith(order);
            });
            String second = String.valueOf(partner.js("return location.pathname")).substring("/orders/".length());
            awaitStatus(partner, "PAID");
            partner.await(By.id("cancel-reason")).sendKeys("ordered twice");
            partner.driver().findElement(By.id("cancel-order")).click();
            partner.await(By.id("cancel-confirm-note"));
            partner.driver().findElement(By.id("cancel-order")).click();
            awaitStatus(partner, "CANCELED");
            assertEquals("CANCELED", Buy.order(admin, second).getString("status"));
            partner.navigate("/orders");
            partner.await(By.cssSelector("#orders-list li[data-order='" + order + "'][data-status='PAID']"));
            partner.await(By.cssSelector("#orders-list li[data-order='" + second + "'][data-status='CANCELED']"));
            partner.assertNoHorizontalOverflow();
            partner.checkScreen("orders-04-my-orders-phone-en");

            // The merchant ships the paid order with carrier and tracking number.
            merchant.open("/merchant/orders");
            merchant.signInWithPassword(username, password);
            merchant.awaitPath("/merchant/orders");
            merchant.await(By.cssSelector("#orders-list li[data-order='" + order + "'] a")).click();
            merchant.awaitPath("/merchant/orders/" + order);
            merchant.await(By.id("ship-submit")).click();
            merchant.await(By.id("ship-invalid")); // both fields are needed, said before anything is sent
            merchant.driver().findElement(By.id("ship-carrier")).sendKeys("SF Express");
            merchant.driver().findElement(By.id("ship-tracking")).sendKeys("SF1234567890");
            merchant.assertNoHorizontalOverflow();
            merchant.checkScreen("orders-05-merchant-ship-phone-en");
            merchant.driver().findElement(By.id("ship-submit")).click();
            awaitStatus(merchant, "SHIPPED");
            JsonPath shipped = Buy.order(admin, order);
            assertEquals("SHIPPED", shipped.getString("status"));
            assertEquals("SF Express", shipped.getString("carrier"));
            assertEquals("SF1234567890", shipped.getString("trackingNumber"));
            merchant.checkScreen("orders-06-merchant-shipped-phone-en");

            // The partner sees the shipment, confirms delivery and reviews the line.
            partner.navigate("/orders/" + order);
            awaitStatus(partner, "SHIPPED");
            assertEquals("SF1234567890", partner.await(By.id("order-tracking")).getText());
            partner.driver().findElement(By.id("confirm-delivery")).click();
            awaitStatus(partner, "DELIVERED");
            assertEquals("DELIVERED", Buy.order(admin, order).getString("status"));
            new Select(partner.await(By.id("review-rating-1"))).selectByValue("4");
            partner.driver().findElement(By.id("review-text-1")).sendKeys(reviewText);
            partner.assertNoHorizontalOverflow();
            partner.checkScreen("orders-07-delivered-review-form-phone-en");
            partner.driver().findElement(By.id("review-submit-1")).click();
            String review = partner.await(By.id("review-done-1")).getAttribute("data-review");
            JsonPath listed = reviews(product);
            assertEquals(1, listed.getInt("count"));
            assertEquals(review, listed.getString("items[0].reviewId"));
            assertEquals(4, listed.getInt("items[0].rating"));
            assertEquals(reviewText, listed.getString("items[0].text"));
            assertTrue(listed.getBoolean("items[0].verifiedPurchase"));
            partner.checkScreen("orders-08-reviewed-phone-en");

            // The merchant replies to the review.
            merchant.navigate("/merchant/reviews");
            merchant.await(By.id("reply-text-" + review)).sendKeys("Thank you, enjoy the tea!");
            merchant.assertNoHorizontalOverflow();
            merchant.checkScreen("orders-09-merchant-reviews-phone-en");
            merchant.driver().findElement(By.id("reply-submit-" + review)).click();
            merchant.awaitText(By.cssSelector("li[data-review='" + review + "'] .review-reply"), "Thank you, enjoy the tea!");
            assertEquals("Thank you, enjoy the tea!", reviews(product).getString("items[0].reply"));

            // The merchant refunds one of the two units within the return window: 68.00 shown, then sent.
            merchant.navigate("/merchant/orders/" + order);
            awaitStatus(merchant, "DELIVERED");
            merchant.await(By.id("refund-qty-1")).sendKeys("3");
            merchant.driver().findElement(By.id("refund-submit")).click();
            merchant.await(By.id("refund-invalid")); // more than ordered: refused before anything is sent
            merchant.driver().findElement(By.id("refund-qty-1")).clear();
            merchant.driver().findElement(By.id("refund-qty-1")).sendKeys("1");
            assertEquals("6800", merchant.await(By.id("refund-line-1")).getAttribute("data-amount"));
            assertEquals("6800", merchant.driver().findElement(By.id("refund-total")).getAttribute("data-amount"));
            merchant.driver().findElement(By.id("refund-reason")).sendKeys("one cake arrived cracked");
            merchant.assertNoHorizontalOverflow();
            merchant.checkScreen("orders-10-merchant-refund-phone-en");
            merchant.driver().findElement(By.id("refund-submit")).click();
            awaitStatus(merchant, "REFUNDED");
            JsonPath refunded = Buy.order(admin, order);
            assertEquals("REFUNDED", refunded.getString("status"));
            assertEquals(6800, refunded.getLong("refunded"));
            assertEquals(1, refunded.getInt("lines[0].refundedQuantity"));

            // Receivables: what the refunded order released to the merchant, at the order's frozen rates.
            long kept = 13600 - 6800;
            long mine = kept - kept * refunded.getInt("rates.platformFeeBps") / 10000
                - kept * refunded.getInt("rates.partnerPoolBps") / 10000;
            merchant.navigate("/merchant/receivables");
            assertEquals(String.valueOf(mine), merchant.await(By.cssSelector("#receivable-orders tr[data-order='" + order + "']"))
                .getAttribute("data-receivable"));
            assertEquals(String.valueOf(mine), merchant.await(By.cssSelector("#receivable-totals li[data-currency='CNY']"))
                .getAttribute("data-amount"));
            merchant.assertNoHorizontalOverflow();
            merchant.checkScreen("orders-11-merchant-receivables-phone-en");

            // The partner's order page in Chinese, on a desktop: refunded, with its whole history.
            partner.setWidth(1280, 900);
            new Select(partner.driver().findElement(By.id("locale-switcher"))).selectByValue("zh-CN");
            // The partner's page still shows this order as it was before the refund: pushing the same path again
            // would not read it anew, so go through the list (a new page reads the order).
            partner.navigate("/orders");
            partner.await(By.cssSelector("#orders-list li[data-order='" + order + "'][data-status='REFUNDED']"));
            partner.navigate("/orders/" + order);
            partner.awaitText(By.id("order-history-title"), "订单记录");
            awaitStatus(partner, "REFUNDED");
            assertEquals("REFUNDED", Buy.order(admin, order).getString("status"));
            partner.awaitText(By.cssSelector("#order-facts-title .order-status"), "已退款");
            for (String s : new String[] {"PLACED", "PAID", "SHIPPED", "DELIVERED", "REFUNDED"}) {
                partner.await(By.cssSelector("#order-history li[data-status='" + s + "']"));
            }
            partner.checkScreen("orders-12-order-refunded-desktop-zh");
        }

        // An admin hides the review with a reason; its hash stays, the public listing says why.
        try (Browser b = Browser.start(base(), "en-US", 360, 780)) {
            b.open("/admin/reviews");
            b.signInWithPassword("admin", "admin");
            b.awaitPath("/admin/reviews");
            b.await(By.id("moderation-q")).sendKeys(name);
            b.driver().findElement(By.id("moderation-search-submit")).click();
            b.await(By.cssSelector("#moderation-products li[data-product='" + product + "'] button")).click();
            String review = b.await(By.cssSelector("#moderation-reviews li[data-review]")).getAttribute("data-review");
            b.await(By.id("hide-reason-" + review)).sendKeys("names another customer (browser test)");
            b.assertNoHorizontalOverflow();
            b.checkScreen("orders-13-admin-moderation-phone-en");
            b.driver().findElement(By.id("hide-submit-" + review)).click();
            b.await(By.cssSelector("#moderation-reviews li[data-review='" + review + "'][data-hidden='true'] .review-hidden"));
            JsonPath listed = reviews(product);
            assertEquals("names another customer (browser test)", listed.getString("items[0].hidden.reason"));
            assertNull(listed.get("items[0].text"));
            assertEquals(64, listed.getString("items[0].textHash").length());
            b.checkScreen("orders-14-admin-review-hidden-phone-en");
            b.navigate("/shop/products/" + product);
            b.awaitText(By.cssSelector("#reviews-list li[data-review='" + review + "'] .review-hidden"), "names another customer");
        }
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
