package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    static io.restassured.response.Response approve(String admin, String payout, String key) {
        var r = given().auth().oauth2(admin);
        if (key != null) {
            r = r.header("Idempotency-Key", key);
        }
        return r.post("/api/v1/admin/settlement/payouts/" + payout + "/approvals");
    }

    /** The audit log's approvals of one payout, counted in the platform's database (no API lists entries by type). */
    static int approvalsAudited(String payout) {
        var settings = PlatformExtension.settings();
        try (Connection db = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
             PreparedStatement ps = db.prepareStatement("select count(*) from ledger.audit_entry "
                 + "where type = 'economy.payout.approved' and canonical like ?")) {
            ps.setString(1, "%\"payoutId\":\"" + payout + "\"%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        String first = "approve-" + UUID.randomUUID();
        approve(admin1, payout, null).then().statusCode(400)
            .body("type", equalTo("https://copartner.io/problems/validation"));
        approve(admin1, payout, first).then().statusCode(200).body("status", equalTo("AWAITING_APPROVAL"))
            .header("Idempotent-Replayed", nullValue());
        // The first admin's answer was lost: the retry under its key replays it and approves nothing again.
        approve(admin1, payout, first).then().statusCode(200).body("status", equalTo("AWAITING_APPROVAL"))
            .body("firstApprover", notNullValue()).header("Idempotent-Replayed", equalTo("true"));
        // The same admin as a new action is the second pair of eyes it cannot be.
        approve(admin1, payout, "approve-" + UUID.randomUUID()).then().statusCode(409)
            .body("type", equalTo("https://copartner.io/problems/conflict"));
        // The key of this approval for another payout is another request.
        approve(admin1, UUID.randomUUID().toString(), first).then().statusCode(409)
            .body("type", equalTo("https://copartner.io/problems/idempotency-conflict"));
        approve(admin2, payout, "approve-" + UUID.randomUUID()).then().statusCode(200)
            .body("status", equalTo("PENDING"));
        assertEquals(2, approvalsAudited(payout), "two approvals, each audited once (the replay wrote nothing)");

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
