package io.copartner.system;

import static io.copartner.system.Gov.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.DidWallet.Type;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loyalty points, black-box: a completed order earns the buyer points of the merchant's brand at the policy's
 * purchase reward; an exchange between two brands at a governed rate moves exactly the quoted points and leaves each
 * brand's issued-points liability exact; an expired quote is refused. (The system tests run quotes with a 5 s TTL.)
 */
@ExtendWith(PlatformExtension.class)
class PointsIT {

    static final long PRICE = 10000;

    /** Buys one unit of a new product of the merchant and completes the order; the buyer's brand points after. */
    static long earnOnCompletedOrder(Partner buyer, Shop.Merchant m) {
        String p = Buy.product(m, 5, PRICE);
        String order = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
            .path("orders[0].id");
        Buy.ship(m.token(), order).then().statusCode(200);
        Buy.step(buyer.token(), order, "delivery", null).then().statusCode(200);
        Buy.step(buyer.token(), order, "completion", null).then().statusCode(200).body("status", equalTo("COMPLETED"));
        int bps = given().queryParam("at", Instant.now().toString()).get(BASE + "/policies/in-force").then()
            .statusCode(200).extract().path("version.policy.purchaseRewardBps");
        long expected = PRICE * bps / 10000;
        Map<String, Object> brand = Await.until(Duration.ofSeconds(20), () -> brandOf(buyer, m.id()));
        assertEquals(expected, ((Number) brand.get("balance")).longValue(), "kept x purchaseRewardBps / 10000");
        assertEquals(expected, ((Number) brand.get("lifetime")).longValue());
        List<Map<String, Object>> lots = (List<Map<String, Object>>) brand.get("lots");
        assertEquals(1, lots.size());
        assertEquals("PURCHASE", lots.get(0).get("reason"));
        assertTrue(Instant.parse((String) lots.get(0).get("expiresAt")).isAfter(Instant.now()));
        return expected;
    }

    static Map<String, Object> brandOf(Partner p, String brand) {
        List<Map<String, Object>> all = given().auth().oauth2(p.token()).get("/api/v1/me/points").then()
            .statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(b -> brand.equals(b.get("brand"))).findFirst().orElse(null);
    }

    @Test
    void aCompletedOrderEarnsPointsOfTheMerchantsBrand() {
        Shop.Merchant m = Shop.merchant(true);
        Partner buyer = Buy.fundedPartner(50000);
        assertTrue(earnOnCompletedOrder(buyer, m) > 0);
        Map<String, Object> brand = brandOf(buyer, m.id());
        assertEquals("PTS:" + m.id(), brand.get("asset"));
        assertEquals("BRONZE", brand.get("tier"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) brand.get("history");
        assertEquals("EARN", history.get(0).get("kind"));
    }

    @Test
    void anExchangeBetweenTwoBrandsKeepsEachLiabilityExactAndAnExpiredQuoteIsRefused() {
        Shop.Merchant a = Shop.merchant(true);
        Shop.Merchant b = Shop.merchant(true);
        Partner buyer = Buy.fundedPartner(50000);
        long earned = earnOnCompletedOrder(buyer, a);

        // No rate in the policy in force yet: a quote is refused.
        Buy.refused(quote(buyer, a.id(), b.id(), earned), 409, "conflict");
        governRate(a.id(), b.id(), 8000);

        JsonPath q = quote(buyer, a.id(), b.id(), earned).then().statusCode(201).extract().jsonPath();
        long receive = earned * 8000 / 10000;
        assertEquals(receive, q.getLong("receive"));
        String key = "it-x-" + UUID.randomUUID();
        JsonPath x = exchange(buyer, q.getString("id"), key).then().log().ifValidationFails().statusCode(201).extract().jsonPath();
        assertEquals(earned, x.getLong("given"));
        assertEquals(receive, x.getLong("received"));
        exchange(buyer, q.getString("id"), key).then().statusCode(201).header("Idempotent-Replayed", "true")
            .body("id", equalTo(x.getString("id")));
        Buy.refused(exchange(buyer, q.getString("id"), "it-x-" + UUID.randomUUID()), 409, "conflict");

        assertEquals(0L, ((Number) brandOf(buyer, a.id()).get("balance")).longValue());
        assertEquals(receive, ((Number) brandOf(buyer, b.id()).get("balance")).longValue());
        JsonPath la = liability(a.id());
        assertEquals(earned, la.getLong("outstanding"), "A's points stay issued: now in the clearing account");
        assertEquals(0, la.getLong("inWallets"));
        assertEquals(earned, la.getLong("inClearing"));
        JsonPath lb = liability(b.id());
        assertEquals(receive, lb.getLong("outstanding"), "B issued exactly the quoted points");
        assertEquals(receive, lb.getLong("inWallets"));
        assertEquals(0, lb.getLong("inClearing"));

        // A quote used after its expiry is refused and moves nothing.
        JsonPath late = quote(buyer, b.id(), a.id(), 1).then().statusCode(409).extract().jsonPath();
        assertEquals("conflict", late.getString("type").substring(late.getString("type").lastIndexOf('/') + 1),
            "no rate for the reverse pair");
        Partner other = Buy.fundedPartner(50000);
        long more = earnOnCompletedOrder(other, a);
        JsonPath q2 = quote(other, a.id(), b.id(), more).then().statusCode(201).extract().jsonPath();
        Instant expiresAt = Instant.parse(q2.getString("expiresAt"));
        Await.until(Duration.ofSeconds(30), () -> Instant.now().isAfter(expiresAt.plusMillis(500)) ? true : null);
        Buy.refused(exchange(other, q2.getString("id"), "it-x-" + UUID.randomUUID()), 409, "conflict");
        assertEquals(more, ((Number) brandOf(other, a.id()).get("balance")).longValue());
    }

    static Response quote(Partner p, String from, String to, long amount) {
        return given().auth().oauth2(p.token()).contentType("application/json")
            .body(Map.of("from", from, "to", to, "amount", amount)).post("/api/v1/points/exchanges/quotes");
    }

    static Response exchange(Partner p, String quoteId, String key) {
        return given().auth().oauth2(p.token()).contentType("application/json").header("Idempotency-Key", key)
            .body(Map.of("quoteId", quoteId)).post("/api/v1/points/exchanges");
    }

    static JsonPath liability(String brand) {
        return given().auth().oauth2(Gov.adminToken()).get("/api/v1/points/brands/" + brand + "/liability").then()
            .statusCode(200).extract().jsonPath();
    }

    /** A REVENUE_POLICY with the seed's shares and one exchange rate, voted, executed and in force. */
    static void governRate(String from, String to, long rateBps) {
        governRate(from, to, rateBps, 0);
    }

    /** The same, with a converting share worth {@code shareRewardPoints} points of the merchant's brand. */
    static void governRate(String from, String to, long rateBps, long shareRewardPoints) {
        // Enough new members to reach the quorum whatever ran before (the full suite's member count grows).
        List<Partner> voters = new java.util.ArrayList<>();
        for (int i = Math.max(6, CatalogueIT.votersForQuorum()); i > 0; i--) {
            voters.add(Gov.partner(i % 2 == 0 ? Type.ED25519 : Type.SECP256K1));
        }
        String id = given().auth().oauth2(Gov.adminToken()).contentType("application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body("{\"kind\":\"REVENUE_POLICY\",\"title\":\"Points exchange\",\"description\":\"A rate\","
                + "\"policy\":{\"partnerPoolBps\":3000,\"platformFeeBps\":500,\"commissionBps\":[1000,500],"
                + "\"purchaseRewardBps\":100,\"reviewRewardPoints\":0,\"shareRewardPoints\":" + shareRewardPoints + ","
                + "\"pointExchangeRates\":[{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"rateBps\":" + rateBps
                + "}]}}")
            .when().post(BASE + "/proposals").then().statusCode(201).extract().path("id");
        Gov.awaitState(id, "ACTIVE", 30);
        voters.forEach(v -> Gov.vote(v, id, "for", null));
        Gov.awaitFinalTally(id);
        Gov.awaitState(id, "SUCCEEDED", 10);
        given().auth().oauth2(voters.get(0).token()).contentType("application/json").body("{}")
            .when().post(BASE + "/proposals/" + id + "/queue").then().statusCode(200);
        Await.until(Duration.ofSeconds(20), () -> {
            Response r = GovernanceIT.execute(voters.get(1).token(), id);
            return r.statusCode() == 409 ? null : r.then().statusCode(200).extract().jsonPath();
        });
        Await.until(Duration.ofSeconds(90), () -> id.equals(given().queryParam("at", Instant.now().toString())
            .get(BASE + "/policies/in-force").then().statusCode(200).extract().path("version.proposal")) ? true : null);
    }
}
