package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verified-purchase reviews, black-box: only the buyer of a delivered line reviews it, once; the text is NFC-normalised
 * and its SHA-256 is in the audit entry; the merchant replies once; an admin hides the text with a reason and the
 * public listing shows that, with the hash still there.
 */
@ExtendWith(PlatformExtension.class)
class ReviewsIT {

    static Response review(String token, String orderId, int line, int rating, String text) {
        return given().auth().oauth2(token).contentType("application/json; charset=UTF-8")
            .header("Idempotency-Key", "it-" + UUID.randomUUID())
            .body(Map.of("orderId", orderId, "lineNo", line, "rating", rating, "text", text)).post("/api/v1/reviews");
    }

    static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType("application/json; charset=UTF-8")
            .header("Idempotency-Key", "it-" + UUID.randomUUID()).body(body).post(path);
    }

    @Test
    void onlyTheBuyerOfADeliveredLineReviewsItOnceAndModerationKeepsTheHash() throws Exception {
        Shop.Merchant m = Shop.merchant(true);
        Shop.Merchant otherMerchant = Shop.merchant(true);
        String p = Buy.product(m, 5, 900);
        Partner buyer = Buy.fundedPartner(5000);
        Partner stranger = Buy.fundedPartner(0);
        String o = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
            .path("orders[0].id");

        // Not delivered yet, or not the buyer: 403.
        Buy.refused(review(buyer.token(), o, 1, 5, "early"), 403, "review-not-allowed");
        Buy.ship(m.token(), o).then().statusCode(200);
        Buy.refused(review(buyer.token(), o, 1, 5, "shipped, not delivered"), 403, "review-not-allowed");
        Buy.step(buyer.token(), o, "delivery", null).then().statusCode(200);
        Buy.refused(review(stranger.token(), o, 1, 5, "never bought it"), 403, "review-not-allowed");
        Buy.refused(review(buyer.token(), o, 2, 5, "no such line"), 403, "review-not-allowed");
        Buy.refused(review(buyer.token(), o, 1, 6, "six stars"), 400, "validation");
        Buy.refused(review(buyer.token(), o, 1, 4, "x".repeat(2001)), 400, "validation");

        // Decomposed "é" (e + U+0301) is stored composed (NFC); the hash is of the stored text.
        String typed = "  Tre\u0301s bon th\u00e9, fresh  ";
        String stored = "Tr\u00e9s bon th\u00e9, fresh";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(stored.getBytes(StandardCharsets.UTF_8)));
        JsonPath created = review(buyer.token(), o, 1, 4, typed).then().statusCode(201)
            .body("text", equalTo(stored)).body("textHash", equalTo(hash)).body("verifiedPurchase", equalTo(true))
            .body("hidden", nullValue()).extract().jsonPath();
        String id = created.getString("reviewId");
        Buy.refused(review(buyer.token(), o, 1, 5, "second thoughts"), 409, "review-exists");

        // The merchant replies once; another merchant may not.
        Gov.refused(post(otherMerchant.token(), "/api/v1/reviews/" + id + "/reply", Map.of("text", "not mine")), 403);
        post(m.token(), "/api/v1/reviews/" + id + "/reply", Map.of("text", "Merci!")).then().statusCode(200)
            .body("reply", equalTo("Merci!"));
        Buy.refused(post(m.token(), "/api/v1/reviews/" + id + "/reply", Map.of("text", "again")), 409,
            "review-answered");

        // The public listing, exactly the pinned shape.
        JsonPath page = given().get("/api/v1/products/" + p + "/reviews").then().statusCode(200)
            .body("count", equalTo(1)).body("average", equalTo(4.0f)).body("next", nullValue())
            .body("items[0].reviewId", equalTo(id)).body("items[0].rating", equalTo(4))
            .body("items[0].text", equalTo(stored)).body("items[0].textHash", equalTo(hash))
            .body("items[0].hidden", nullValue()).body("items[0].reply", equalTo("Merci!"))
            .body("items[0].verifiedPurchase", equalTo(true)).extract().jsonPath();
        assertTrue(page.getMap("items[0]").keySet().containsAll(java.util.List.of("reviewId", "rating", "text",
            "textHash", "hidden", "reply", "createdAt", "auditIndex", "verifiedPurchase")), page.prettify());

        // The audit entry carries the text's hash, not the text.
        JsonPath sequenced = Await.until(Duration.ofSeconds(30), () -> {
            JsonPath j = given().get("/api/v1/products/" + p + "/reviews").then().statusCode(200).extract().jsonPath();
            return j.get("items[0].auditIndex") == null ? null : j;
        });
        JsonNode entry = GovernanceAudit.entry(sequenced.getLong("items[0].auditIndex"));
        assertEquals("commerce.review.created", entry.get("type").asText());
        assertEquals(hash, entry.get("payload").get("textSha256").asText());
        assertTrue(entry.get("payload").get("text") == null, "the text itself is not in the log");

        // Moderation: admins only; the text goes, the reason shows, the hash stays.
        Gov.refused(post(buyer.token(), "/api/v1/reviews/" + id + "/moderation", Map.of("reason", "x")), 403);
        post(Gov.adminToken(), "/api/v1/reviews/" + id + "/moderation", Map.of("reason", "spam")).then()
            .statusCode(200).body("text", nullValue()).body("hidden.reason", equalTo("spam"));
        Buy.refused(post(Gov.adminToken(), "/api/v1/reviews/" + id + "/moderation", Map.of("reason", "twice")), 409,
            "review-answered");
        JsonPath after = given().get("/api/v1/products/" + p + "/reviews").then().statusCode(200)
            .body("count", equalTo(1)).extract().jsonPath();
        assertNull(after.get("items[0].text"));
        assertEquals("spam", after.getString("items[0].hidden.reason"));
        assertEquals(hash, after.getString("items[0].textHash"));

        // A completed order's line may be reviewed too; a canceled one never.
        String o2 = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
            .path("orders[0].id");
        Buy.step(buyer.token(), o2, "cancellation", null).then().statusCode(200);
        Buy.refused(review(buyer.token(), o2, 1, 1, "canceled"), 403, "review-not-allowed");
        Gov.refused(given().get("/api/v1/products/" + UUID.randomUUID() + "/reviews"), 404);
    }
}
