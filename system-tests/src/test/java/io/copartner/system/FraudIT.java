package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.Gov.Partner;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fraud defences end to end (issue 12 item 5): a velocity limit answers 429 with Retry-After; a 刷单 pattern
 * (repeated small orders, instant confirmation, review) is flagged, its commission withheld, then granted when an
 * admin clears the flag.
 */
@org.junit.jupiter.api.extension.ExtendWith(PlatformExtension.class)
class FraudIT {

    @AfterEach
    void backToTheDefaults() throws IOException {
        Files.deleteIfExists(AbuseLimitsIT.limitsFile());
    }

    @Test
    void topUpsOverTheHourlyLimitAre429WithRetryAfter() {
        Partner p = Buy.fundedPartner(0);
        AbuseLimitsIT.limits("copartner.fraud.velocity.top-ups.per-hour=2\n");
        Response third = Await.until(Duration.ofSeconds(10), () -> {
            Response r = TopUpIT.start(p.token(), "CNY", 100, "it-" + UUID.randomUUID());
            return r.statusCode() == 429 ? r : null;
        });
        third.then().contentType("application/problem+json")
            .body("type", org.hamcrest.Matchers.endsWith("too-many-requests"));
        long retry = Long.parseLong(third.header("Retry-After"));
        assertTrue(retry >= 1 && retry <= 3601, "Retry-After " + retry);
        System.out.printf("[fraud] top-up velocity: 429 with Retry-After %d s%n", retry);
    }

    @Test
    void fakeOrdersAreFlaggedAndTheirCommissionWithheldUntilCleared() {
        Shop.Merchant m = Shop.merchant(true);
        String product = Buy.product(m, 50, 1000);
        FakeOrders fake = fakeOrders(m, product, 100_000, 100_000);
        Partner seller = fake.seller();
        Partner buyer = fake.buyer();
        String order = fake.last();
        String admin = Gov.adminToken();
        Map<String, Object> flag = given().auth().oauth2(admin).queryParam("status", "OPEN").queryParam("limit", 100)
            .get("/api/v1/admin/fraud/flags").then().statusCode(200).extract().jsonPath()
            .getMap("items.find { it.orderId == '" + order + "' }");
        assertEquals("fake-orders", flag.get("pattern"));
        assertEquals(3, ((List<?>) flag.get("reasons")).size());

        Buy.step(buyer.token(), order, "completion", null).then().statusCode(200);
        Map<String, Object> c = Await.until(Duration.ofSeconds(30), () -> {
            Map<String, Object> j = ReferralsIT.commissions(seller).getMap("items.find { it.orderId == '" + order + "' }");
            return j != null && "WITHHELD".equals(j.get("status")) ? j : null;
        });
        assertEquals(100, ((Number) c.get("earned")).longValue(), "10 % of 1000, held");

        given().auth().oauth2(admin).header("Idempotency-Key", "it-" + UUID.randomUUID())
            .post("/api/v1/admin/fraud/flags/" + flag.get("id") + "/clear").then().statusCode(200)
            .body("status", org.hamcrest.Matchers.equalTo("CLEARED"));
        Map<String, Object> granted = ReferralsIT.commissions(seller).getMap("items.find { it.orderId == '" + order + "' }");
        assertEquals("EARNED", granted.get("status"));
        assertEquals(100, ((Number) granted.get("earned")).longValue());
        given().auth().oauth2(admin).header("Idempotency-Key", "it-" + UUID.randomUUID())
            .post("/api/v1/admin/fraud/flags/" + flag.get("id") + "/confirm").then().statusCode(409);
    }

    /** The seller who shared the link, the buyer, and the buyer's third order (the one the pattern flags). */
    record FakeOrders(Partner seller, Partner buyer, String last) {
    }

    /**
     * The 刷单 pattern: a buyer orders one unit three times through the seller's share link, each shipped and
     * instantly confirmed, then reviews the last: that third order is flagged.
     */
    static FakeOrders fakeOrders(Shop.Merchant m, String product, long sellerFunds, long buyerFunds) {
        Partner seller = Buy.fundedPartner(sellerFunds);
        Partner buyer = Buy.fundedPartner(buyerFunds);
        String cookie = ReferralsIT.cookieOf(ReferralsIT.shareLink(seller, product));
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = ReferralsIT.buyThroughCookie(buyer, cookie, product, 1);
            Buy.ship(m.token(), last).then().statusCode(200);
            Buy.step(buyer.token(), last, "delivery", null).then().statusCode(200);
        }
        given().auth().oauth2(buyer.token()).contentType("application/json")
            .header("Idempotency-Key", "it-" + UUID.randomUUID())
            .body(Map.of("orderId", last, "lineNo", 1, "rating", 5, "text", "Great, great, great."))
            .post("/api/v1/reviews").then().statusCode(201);
        return new FakeOrders(seller, buyer, last);
    }
}
