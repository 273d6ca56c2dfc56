package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Referrals end to end (issue 12 item 1): a share link, its redirect and cookie, a checkout through the cookie, the
 * completed sale's commission for two levels (10 % and 5 % in the seed policy), and a refund's exact clawback.
 */
@org.junit.jupiter.api.extension.ExtendWith(PlatformExtension.class)
class ReferralsIT {

    static String shareLink(Partner owner, String productId) {
        return given().auth().oauth2(owner.token()).contentType("application/json")
            .header("Idempotency-Key", "it-" + UUID.randomUUID()).body(Map.of("productId", productId))
            .post("/api/v1/me/share-links").then().statusCode(201).extract().path("code");
    }

    static String cookieOf(String code) {
        Response r = given().redirects().follow(false).get("/r/" + code);
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/shop/products/" + r.header("Location")
            .substring(r.header("Location").lastIndexOf('/') + 1)));
        return r.cookie("copartner_ref");
    }

    static String buyThroughCookie(Partner buyer, String cookie, String productId, int quantity) {
        return given().auth().oauth2(buyer.token()).cookie("copartner_ref", cookie).contentType("application/json")
            .header("Idempotency-Key", "it-" + UUID.randomUUID())
            .body(Map.of("currency", "CNY", "lines", List.of(Map.of("productId", productId, "quantity", quantity))))
            .post("/api/v1/checkouts").then().statusCode(201).extract().path("orders[0].id");
    }

    static JsonPath commissions(Partner p) {
        return given().auth().oauth2(p.token()).get("/api/v1/me/commissions").then().statusCode(200).extract()
            .jsonPath();
    }

    @Test
    void aSaleThroughAShareLinkPaysTwoLevelsOnCompletionAndARefundClawsBackExactly() {
        Shop.Merchant m = Shop.merchant(true);
        String product = Buy.product(m, 50, 3333);
        Partner upline = Buy.fundedPartner(100_000);
        Partner seller = Buy.fundedPartner(100_000);
        Partner buyer = Buy.fundedPartner(100_000);

        // seller's first attributed purchase comes through upline's link: upline becomes seller's referrer
        String first = buyThroughCookie(seller, cookieOf(shareLink(upline, product)), product, 1);
        assertEquals(1, commissions(upline).getList("items").size(), "upline's level-1 commission is pending");

        // the buyer comes through seller's link: seller level 1 (10 %), upline level 2 (5 %)
        String code = shareLink(seller, product);
        assertTrue(given().auth().oauth2(seller.token()).get("/api/v1/me/share-links").then().statusCode(200)
            .extract().jsonPath().getList("items.code").contains(code));
        String order = buyThroughCookie(buyer, cookieOf(code), product, 3);
        Buy.ship(m.token(), order).then().statusCode(200);
        Buy.step(buyer.token(), order, "delivery", null).then().statusCode(200);
        // the merchant refunds one of three units: the refund releases the kept part at once
        Buy.step(m.token(), order, "refund", Map.of("reason", "one broken", "lines",
            List.of(Map.of("lineNo", 1, "quantity", 1)))).then().statusCode(200);

        JsonPath s = Await.until(Duration.ofSeconds(30), () -> {
            JsonPath j = commissions(seller);
            return "EARNED".equals(j.getString("items.find { it.orderId == '" + order + "' }.status")) ? j : null;
        });
        Map<String, Object> c = s.getMap("items.find { it.orderId == '" + order + "' }");
        // 3 × 3333 = 9999; 10 % rounded down = 999; 2 of 3 units kept: 666 earned, 333 clawed back
        assertEquals(999, ((Number) c.get("pending")).longValue());
        assertEquals(666, ((Number) c.get("earned")).longValue());
        assertEquals(333, ((Number) c.get("clawedBack")).longValue());
        Map<String, Object> c2 = Await.until(Duration.ofSeconds(30), () -> {
            Map<String, Object> j = commissions(upline).getMap("items.find { it.orderId == '" + order + "' }");
            return j != null && "EARNED".equals(j.get("status")) ? j : null;
        });
        assertEquals(2, ((Number) c2.get("level")).intValue());
        assertEquals(499, ((Number) c2.get("pending")).longValue(), "5 % of 9999 rounded down");
        assertEquals(333 + 166, ((Number) c2.get("earned")).longValue() + ((Number) c2.get("clawedBack")).longValue());
        assertEquals(333, ((Number) c2.get("earned")).longValue());
        System.out.printf("[referrals] order %s: level 1 earned %s clawed back %s; level 2 earned %s%n", order,
            c.get("earned"), c.get("clawedBack"), c2.get("earned"));

        // the buyer's own purchase through their own link earns nothing
        String own = buyThroughCookie(buyer, cookieOf(shareLink(buyer, product)), product, 1);
        assertTrue(commissions(buyer).getList("items.orderId").stream().noneMatch(own::equals));
        assertTrue(first != null);
    }
}
