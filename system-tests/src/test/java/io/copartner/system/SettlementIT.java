package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Revenue sharing end to end (issue 12 item 3): two partners buy in one period (PT30S in the test platform); the
 * period closes, the large payout (above COPARTNER_PAYOUT_APPROVAL_THRESHOLD) waits for two different admins (the
 * same admin twice is refused), then everything is paid; payouts sum to the report's distributed; statements show
 * the arithmetic and the wallet holds the share.
 */
@ExtendWith(PlatformExtension.class)
class SettlementIT {

    static final long THRESHOLD = 50_000;

    /** Buys one unit and completes the order; returns the order id. */
    static String buyAndComplete(Shop.Merchant m, Partner buyer, String product) {
        String order = Buy.checkout(buyer.token(), "it-" + java.util.UUID.randomUUID(), product, 1).then()
            .statusCode(201).extract().path("orders[0].id");
        Buy.ship(m.token(), order).then().statusCode(200);
        Buy.step(buyer.token(), order, "delivery", null).then().statusCode(200);
        Buy.step(buyer.token(), order, "completion", null).then().statusCode(200).body("status", equalTo("COMPLETED"));
        return order;
    }

    static JsonPath statementOnce(Partner p) {
        List<Map<String, Object>> all = given().auth().oauth2(p.token()).get("/api/v1/me/statements").then()
            .statusCode(200).extract().jsonPath().getList("$");
        return all.isEmpty() ? null : given().auth().oauth2(p.token()).get("/api/v1/me/statements/"
            + all.get(0).get("periodId")).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath period(String id) {
        return given().auth().oauth2(Gov.adminToken()).get("/api/v1/admin/settlement/periods/" + id).then()
            .statusCode(200).extract().jsonPath();
    }

    @Test
    void aPeriodClosesPaysExactlyAndTheLargePayoutNeedsTwoAdmins() {
        Shop.Merchant m = Shop.merchant(true);
        String big = Buy.product(m, 10, 300_000);
        String small = Buy.product(m, 10, 10_000);
        Partner a = Buy.fundedPartner(300_000);
        Partner b = Buy.fundedPartner(10_000);
        buyAndComplete(m, a, big);
        buyAndComplete(m, b, small);

        JsonPath mine = Await.until(Duration.ofSeconds(30), () -> statementOnce(a));
        String periodId = mine.getString("periodId");
        assertEquals("300000", mine.getString("lines[0].mySpend"));

        // The period ends (30 s), is allocated, and A's share waits for four eyes.
        Map<String, Object> pending = Await.until(Duration.ofSeconds(120), () -> {
            JsonPath p = period(periodId);
            List<Map<String, Object>> w = p.getList("pendingApprovals");
            return w.stream().filter(x -> Long.parseLong((String) x.get("amount")) > THRESHOLD).findFirst()
                .orElse(null);
        });
        String payout = (String) pending.get("id");
        String admin1 = Gov.adminToken();
        String admin2 = Tokens.clientCredentials("copartner-platform", "copartner-platform-dev-secret");
        given().auth().oauth2(admin1).post("/api/v1/admin/settlement/payouts/" + payout + "/approvals").then()
            .statusCode(200).body("status", equalTo("AWAITING_APPROVAL"));
        given().auth().oauth2(admin1).post("/api/v1/admin/settlement/payouts/" + payout + "/approvals").then()
            .statusCode(409).body("type", equalTo("https://copartner.io/problems/conflict"));
        given().auth().oauth2(admin2).post("/api/v1/admin/settlement/payouts/" + payout + "/approvals").then()
            .statusCode(200).body("status", equalTo("PENDING"));

        JsonPath closed = Await.until(Duration.ofSeconds(60), () -> {
            JsonPath p = period(periodId);
            return p.getString("state").equals("CLOSED") ? p : null;
        });
        assertEquals(closed.getInt("partnersTotal"), closed.getInt("partnersDone"));
        Map<String, Object> pool = closed.getList("pools", Map.class).stream()
            .filter(x -> "CNY".equals(x.get("asset"))).findFirst().orElseThrow();
        assertEquals(Long.parseLong((String) pool.get("inflow")) + Long.parseLong((String) pool.get("carriedIn")),
            Long.parseLong((String) pool.get("distributed")) + Long.parseLong((String) pool.get("undistributed")));

        JsonPath statement = statementOnce(a);
        assertEquals("PAID", statement.getString("lines[0].payoutStatus"), statement.prettify());
        long share = Long.parseLong(statement.getString("lines[0].myShare"));
        assertTrue(share > THRESHOLD);
        assertEquals(share, Buy.balance(a), "the share is in A's wallet");

        // The payout entries of the period sum to the report's distributed.
        JsonPath report = Await.until(Duration.ofSeconds(60), () -> {
            var r = given().get("/api/v1/reports/" + periodId);
            return r.statusCode() == 200 ? r.jsonPath() : null;
        });
        long sum = 0;
        for (Map<String, Object> proof : report.<Map<String, Object>>getList("proofs")) {
            if (proof.get("figure").equals("/byAsset/CNY/distributed")) {
                for (Object i : (List<?>) proof.get("auditIndexes")) {
                    var e = GovernanceAudit.entry(((Number) i).longValue());
                    assertEquals("economy.payout", e.get("type").asText());
                    sum += Long.parseLong(e.get("payload").get("amount").asText());
                }
            }
        }
        assertEquals(Long.parseLong(report.getString("byAsset.CNY.distributed")), sum);
    }
}
