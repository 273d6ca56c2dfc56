package io.copartner.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.Gov.Partner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The consent and recommendations screen in a real headless Chromium, in Chinese on a phone: a DID partner buys a
 * teapot in the browser, sees recommendations off (nothing used), turns them on, sees the tea two consenting
 * partners bought with the teapot (with the reason, in Chinese) and the merchant's cups, then turns them off and is
 * told its profile was deleted; the API agrees at each step. Every screen is photographed and checked by axe-core.
 */
@ExtendWith(PlatformExtension.class)
class RecommendationsBrowserIT {

    @Test
    void aPartnerTurnsRecommendationsOnSeesWhyAndTurnsThemOffAgain() {
        Shop.Merchant m = Shop.merchant(true);
        String teapot = RecommendationsIT.product(m, "Celadon teapot");
        String tea = RecommendationsIT.product(m, "Longjing tea");
        String cups = RecommendationsIT.product(m, "Tea cups");
        for (int i = 0; i < 2; i++) {
            Partner peer = Buy.fundedPartner(10 * RecommendationsIT.PRICE);
            RecommendationsIT.grant(peer);
            RecommendationsIT.buy(peer, teapot);
            RecommendationsIT.buy(peer, tea);
        }

        try (Browser b = Browser.start(PlatformExtension.settings().baseUrl(), "zh-CN", 360, 780)) {
            b.signInWithNewWallet();
            b.navigate("/shop/wallet");
            b.await(By.id("topup-amount")).sendKeys("50");
            b.driver().findElement(By.id("topup-submit")).click();
            b.await(By.id("topup-confirm")).click();
            b.await(By.id("topup-done"));
            b.navigate("/shop/products/" + teapot);
            b.await(By.id("buy-submit")).click();
            new WebDriverWait(b.driver(), Browser.WAIT).until(d -> String.valueOf(b.js("return location.pathname"))
                .matches("/orders/[0-9a-f-]{36}"));

            b.navigate("/partner/recommendations");
            assertEquals("false", b.await(By.id("consent")).getAttribute("data-consent"));
            b.await(By.id("reco-off"));
            b.assertNoHorizontalOverflow();
            b.checkScreen("reco-01-consent-off-phone-zh");

            b.driver().findElement(By.id("consent-toggle")).click();
            b.await(By.id("consent-notice"));
            new WebDriverWait(b.driver(), Browser.WAIT).until(d -> "true".equals(
                d.findElement(By.id("consent")).getAttribute("data-consent")));
            assertTrue(b.await(By.id("profile-size")).getText().contains("1"), "the teapot is in the profile");
            WebElement first = b.await(By.cssSelector("#reco-items li"));
            assertEquals(tea, first.getAttribute("data-product"), "the co-purchase first");
            assertEquals("CO_PURCHASED", first.getAttribute("data-reason"));
            assertTrue(first.getText().contains("因为你买过Celadon teapot"), first.getText());
            List<WebElement> items = b.driver().findElements(By.cssSelector("#reco-items li"));
            assertTrue(items.stream().anyMatch(e -> cups.equals(e.getAttribute("data-product"))
                && "SAME_MERCHANT".equals(e.getAttribute("data-reason"))), "the merchant's cups");
            assertTrue(items.stream().noneMatch(e -> teapot.equals(e.getAttribute("data-product"))));
            b.assertNoHorizontalOverflow();
            b.checkScreen("reco-02-recommendations-phone-zh");

            b.driver().findElement(By.id("consent-toggle")).click();
            new WebDriverWait(b.driver(), Browser.WAIT).until(d -> "false".equals(
                d.findElement(By.id("consent")).getAttribute("data-consent")));
            assertTrue(b.await(By.id("consent-notice")).getText().contains("1"), "told how much was deleted");
            b.await(By.id("reco-off"));
            assertTrue(b.driver().findElements(By.id("reco-items")).isEmpty());
            b.checkScreen("reco-03-consent-withdrawn-phone-zh");
        }
    }
}
