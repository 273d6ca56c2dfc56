package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Points redeemed at checkout as a discount, black-box (the platform runs with the defaults: 1 fen per point, at most
 * 50 % of a brand's lines). The buyer's wallet pays total − discount, the brand funds the discount out of the
 * merchant's part at release, the brand's issued-points liability drops by exactly the points redeemed, and refunds
 * (partial: largest remainder; full; cancellation) give back exactly the money and the points.
 */
@ExtendWith(PlatformExtension.class)
class PointsRedemptionIT {

    @Test
    void redeemedPointsPayPartOfTheBrandsOrderAndComeBackExactlyOnRefunds() {
        Shop.Merchant m = Shop.merchant(true);
        Partner buyer = Buy.fundedPartner(200000);
        long earned = PointsIT.earnOnCompletedOrder(buyer, m);
        assertTrue(earned >= 100, "the policy's purchase reward gives at least 100 points for 10000: " + earned);
        long wallet = spendable(buyer);
        String p = Buy.product(m, 20, 10000);
        int rewardBps = given().queryParam("at", Instant.now().toString()).get(Gov.BASE + "/policies/in-force").then()
            .statusCode(200).extract().path("version.policy.purchaseRewardBps");

        // More points than held: 409 insufficient-points, nothing charged, nothing taken.
        Buy.refused(checkout(buyer, "it-" + UUID.randomUUID(), p, 1, m.id(), earned + 1), 409, "insufficient-points");
        assertEquals(wallet, spendable(buyer));
        assertEquals(earned, points(buyer, m.id()));
        // A brand without lines in the cart, and a non-positive amount: 400.
        Buy.refused(checkout(buyer, "it-" + UUID.randomUUID(), p, 1, "no-such-brand", 1), 400, "validation");
        Buy.refused(checkout(buyer, "it-" + UUID.randomUUID(), p, 1, m.id(), 0), 400, "validation");

        // A: 3 units (30000) with 61 points: discount 61, the wallet pays 29939; a replay redeems nothing again.
        String key = "it-redeem-" + UUID.randomUUID();
        JsonPath a = checkout(buyer, key, p, 3, m.id(), 61).then().statusCode(201).body("total", equalTo(30000))
            .body("discount", equalTo(61)).body("charged", equalTo(29939))
            .body("orders[0].pointsRedeemed", equalTo(61)).body("orders[0].discount", equalTo(61))
            .extract().jsonPath();
        checkout(buyer, key, p, 3, m.id(), 61).then().statusCode(201).header("Idempotent-Replayed", "true")
            .body("id", equalTo(a.getString("id")));
        // The redemption is part of the fingerprint: the same key with other points is another request.
        Buy.refused(checkout(buyer, key, p, 3, m.id(), 62), 409, "idempotency-conflict");
        wallet -= 29939;
        assertEquals(wallet, spendable(buyer));
        long held = earned - 61;
        assertEquals(held, points(buyer, m.id()));
        assertLiability(m.id(), held);
        List<Long> pay = amounts(a.getString("ledgerEntryId"));
        assertEquals(List.of(-29939L, 29939L), pay.stream().sorted().toList(), "ONE payment entry of what is charged");
        Map<String, Object> redeemed = history(buyer, m.id()).get(0);
        assertEquals("REDEEM", redeemed.get("kind"));
        assertEquals(-61, ((Number) redeemed.get("amount")).intValue());

        // Partial refund of 1 of 3 units: points back = largest remainder of 61 over (10000, 20000) = 20; the wallet
        // gets 10000 − 20; the brand funds the other 41 out of the merchant's part of the kept 20000. The release of
        // the kept units earns the purchase reward on the 20000 − 41 paid for them in money.
        String orderA = a.getString("orders[0].id");
        int feeBps = a.getInt("orders[0].rates.platformFeeBps");
        int poolBps = a.getInt("orders[0].rates.partnerPoolBps");
        Buy.ship(m.token(), orderA).then().statusCode(200);
        Buy.step(buyer.token(), orderA, "delivery", null).then().statusCode(200);
        JsonPath refundedA = Buy.step(m.token(), orderA, "refund", Map.of("lines", List.of(Map.of("lineNo", 1,
            "quantity", 1)), "reason", "one box dented")).then().statusCode(200).body("status", equalTo("REFUNDED"))
            .body("refunded", equalTo(9980)).body("pointsRestored", equalTo(20)).extract().jsonPath();
        wallet += 9980;
        held += 20 + (20000 - 41) * rewardBps / 10000;
        assertEquals(wallet, spendable(buyer));
        assertEquals(held, points(buyer, m.id()));
        assertLiability(m.id(), held);
        long fee = 20000L * feeBps / 10000;
        long pool = 20000L * poolBps / 10000;
        assertEquals(sorted(-29939L, 9980L, 20000 - fee - pool - 41, fee, pool),
            amounts(refundedA.getString("refundEntryId")), "escrow, wallet, merchant less 41, fee, pool");

        // B: a cheap order is capped at 50 % of its lines: 80 asked, 50 used; a cancellation gives all back.
        // (The merchant's part caps too, should the policy in force leave the merchant less than half.)
        String cheap = Buy.product(m, 5, 100);
        JsonPath policy = given().queryParam("at", Instant.now().toString()).get(Gov.BASE + "/policies/in-force")
            .then().statusCode(200).extract().jsonPath();
        int used = (int) Math.min(50, 100 - 100L * policy.getInt("version.policy.platformFeeBps") / 10000
            - 100L * policy.getInt("version.policy.partnerPoolBps") / 10000);
        JsonPath b = checkout(buyer, "it-" + UUID.randomUUID(), cheap, 1, m.id(), 80).then().statusCode(201)
            .body("discount", equalTo(used)).body("charged", equalTo(100 - used))
            .body("orders[0].pointsRedeemed", equalTo(used)).extract().jsonPath();
        assertEquals(wallet - (100 - used), spendable(buyer));
        assertEquals(held - used, points(buyer, m.id()));
        assertLiability(m.id(), held - used);
        Buy.step(buyer.token(), b.getString("orders[0].id"), "cancellation", Map.of("reason", "changed my mind"))
            .then().statusCode(200).body("status", equalTo("CANCELED")).body("refunded", equalTo(100 - used))
            .body("pointsRestored", equalTo(used));
        assertEquals(wallet, spendable(buyer));
        assertEquals(held, points(buyer, m.id()));
        assertLiability(m.id(), held);

        // C: a full refund after delivery gives back every point and every fen paid.
        JsonPath c = checkout(buyer, "it-" + UUID.randomUUID(), p, 2, m.id(), 25).then().statusCode(201)
            .body("charged", equalTo(19975)).extract().jsonPath();
        String orderC = c.getString("orders[0].id");
        Buy.ship(m.token(), orderC).then().statusCode(200);
        Buy.step(buyer.token(), orderC, "delivery", null).then().statusCode(200);
        JsonPath refundedC = Buy.step(m.token(), orderC, "refund", Map.of("lines", List.of(Map.of("lineNo", 1)),
            "reason", "wrong tea")).then().statusCode(200).body("refunded", equalTo(19975))
            .body("pointsRestored", equalTo(25)).extract().jsonPath();
        assertEquals(sorted(-19975L, 19975L), amounts(refundedC.getString("refundEntryId")));
        assertEquals(wallet, spendable(buyer));
        assertEquals(held, points(buyer, m.id()));

        // D: completed with 10 points: the merchant's part is 10000 − fee − pool − 10, and the purchase earns points
        // only on the 9990 paid in money.
        JsonPath d = checkout(buyer, "it-" + UUID.randomUUID(), p, 1, m.id(), 10).then().statusCode(201)
            .body("charged", equalTo(9990)).extract().jsonPath();
        wallet -= 9990;
        held -= 10;
        String orderD = d.getString("orders[0].id");
        Buy.ship(m.token(), orderD).then().statusCode(200);
        Buy.step(buyer.token(), orderD, "delivery", null).then().statusCode(200);
        JsonPath done = Buy.step(buyer.token(), orderD, "completion", null).then().statusCode(200)
            .body("status", equalTo("COMPLETED")).body("discount", equalTo(10)).extract().jsonPath();
        long feeD = 10000L * feeBps / 10000;
        long poolD = 10000L * poolBps / 10000;
        assertEquals(sorted(-9990L, 10000 - feeD - poolD - 10, feeD, poolD),
            amounts(done.getString("releaseEntryId")), "the brand funds the discount");
        long reward = 9990L * rewardBps / 10000;
        long expected = held + reward;
        Await.until(Duration.ofSeconds(20), () -> points(buyer, m.id()) == expected ? true : null);
        assertEquals(wallet, spendable(buyer));
        assertLiability(m.id(), expected);

        JsonPath tb = given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/trial-balance").then()
            .statusCode(200).extract().jsonPath();
        assertTrue(tb.getBoolean("balanced"), tb.prettify());

        assertReportCountsRedemptions(buyer, m.id());
    }

    /**
     * The transparency report of the period of the first redemption: points.<brand>.redeemed and .restored are the
     * period's REDEEM and RESTORE movements (this buyer is the brand's only holder), and each is recomputed from the
     * audit entries its proof cites.
     */
    static void assertReportCountsRedemptions(Partner buyer, String brand) {
        List<Map<String, Object>> history = history(buyer, brand);
        Instant first = history.stream().filter(h -> "REDEEM".equals(h.get("kind")))
            .map(h -> Instant.parse((String) h.get("at"))).min(Instant::compareTo).orElseThrow();
        Map<String, Object> period = periodOf(first);
        Instant start = Instant.parse((String) period.get("start"));
        Instant end = Instant.parse((String) period.get("end"));
        Map<String, Long> expected = new java.util.HashMap<>(Map.of("REDEEM", 0L, "RESTORE", 0L));
        for (Map<String, Object> h : history) {
            Instant at = Instant.parse((String) h.get("at"));
            if (!at.isBefore(start) && at.isBefore(end) && expected.containsKey((String) h.get("kind"))) {
                expected.merge((String) h.get("kind"), Math.abs(((Number) h.get("amount")).longValue()), Long::sum);
            }
        }
        String periodId = (String) period.get("periodId");
        JsonPath report = Await.until(Duration.ofSeconds(180), () -> {
            Response r = given().accept("application/json").get("/api/v1/reports/" + periodId);
            return r.statusCode() == 200 ? r.then().extract().jsonPath() : null;
        });
        Map<String, Object> figures = report.getMap("points.'" + brand + "'");
        assertEquals(Long.toString(expected.get("REDEEM")), figures.get("redeemed"), report.prettify());
        assertEquals(Long.toString(expected.get("RESTORE")), figures.getOrDefault("restored", "0"));
        for (String figure : List.of("redeemed", "restored")) {
            if (expected.get(figure.equals("redeemed") ? "REDEEM" : "RESTORE") == 0) {
                continue;
            }
            List<Number> indexes = report.getList("proofs.find { it.figure == '/points/" + brand + "/" + figure
                + "' }.auditIndexes", Number.class);
            long sum = 0;
            for (Number i : indexes) {
                var e = GovernanceAudit.entry(i.longValue());
                assertEquals("economy.points." + figure, e.get("type").asText());
                sum += e.get("payload").get("amount").asLong();
            }
            assertEquals(Long.parseLong((String) figures.get(figure)), sum, figure + " recomputed from its proofs");
        }
    }

    /** The settlement period (from the public report list) that holds {@code at}. */
    static Map<String, Object> periodOf(Instant at) {
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            var req = given();
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath list = req.get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> i : list.<Map<String, Object>>getList("items")) {
                if (!at.isBefore(Instant.parse((String) i.get("start")))
                    && at.isBefore(Instant.parse((String) i.get("end")))) {
                    return i;
                }
            }
            cursor = list.getString("next");
            if (cursor == null) {
                break;
            }
        }
        throw new AssertionError("no settlement period holds " + at);
    }

    static Response checkout(Partner buyer, String key, String product, int quantity, String brand, long points) {
        return given().auth().oauth2(buyer.token()).contentType("application/json").header("Idempotency-Key", key)
            .body(Map.of("currency", "CNY", "lines", List.of(Map.of("productId", product, "quantity", quantity)),
                "redeemPoints", List.of(Map.of("brand", brand, "points", points))))
            .post("/api/v1/checkouts");
    }

    static long points(Partner p, String brand) {
        Map<String, Object> b = PointsIT.brandOf(p, brand);
        return b == null ? 0 : ((Number) b.get("balance")).longValue();
    }

    static List<Map<String, Object>> history(Partner p, String brand) {
        return (List<Map<String, Object>>) PointsIT.brandOf(p, brand).get("history");
    }

    /** The brand's outstanding points are exactly those in wallets (this buyer is its only holder). */
    static void assertLiability(String brand, long held) {
        JsonPath l = PointsIT.liability(brand);
        assertEquals(held, l.getLong("outstanding"), l.prettify());
        assertEquals(held, l.getLong("inWallets"));
    }

    static List<Long> amounts(String entryId) {
        return given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/entries/" + entryId).then()
            .statusCode(200).extract().jsonPath().getList("postings.amount", Number.class).stream()
            .map(Number::longValue).filter(v -> v != 0).sorted().toList();
    }

    static List<Long> sorted(long... values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            if (v != 0) {
                out.add(v);
            }
        }
        return out.stream().sorted().toList();
    }

    /**
     * The buyer's wallet less what revenue sharing has paid into it: the test platform's 30 s settlement periods
     * close while this test runs and pay the buyer's pool share of its own orders into the same wallet. Read between
     * two equal sums of the paid shares, so no payout lands unseen between the two reads.
     */
    @SuppressWarnings("unchecked")
    static long spendable(Partner p) {
        return Await.until(Duration.ofSeconds(30), () -> {
            long before = paidShares(p);
            long balance = Buy.balance(p);
            return before == paidShares(p) ? Long.valueOf(balance - before) : null;
        });
    }

    @SuppressWarnings("unchecked")
    static long paidShares(Partner p) {
        long sum = 0;
        for (Map<String, Object> st : given().auth().oauth2(p.token()).get("/api/v1/me/statements").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$")) {
            for (Map<String, Object> l : (List<Map<String, Object>>) st.get("lines")) {
                if ("PAID".equals(l.get("payoutStatus")) && l.get("myShare") != null) {
                    sum += Long.parseLong((String) l.get("myShare"));
                }
            }
        }
        return sum;
    }
}
