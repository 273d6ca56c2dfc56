package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.copartner.system.DidWallet.Type;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Co-creation end to end (issue 12 item 4): a PRODUCT_LISTING proposal names two co-creators (7000 / 3000 bps); bad
 * co-creator lists are refused; the members pass it and the product is listed; two buyers buy it, one completes and
 * one has a unit refunded (its share clawed back pro rata); the period closes and each co-creator is paid exactly
 * their largest-remainder share of what the product accrued, into their wallet, visible in their statements; the
 * report's co-creation figures recompute from the audit entries they cite.
 */
@ExtendWith(PlatformExtension.class)
class CoCreationIT {

    static final long PRICE = 3_333;

    static Response propose(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json")
            .header("Idempotency-Key", "it-" + UUID.randomUUID()).body(body).post("/api/v1/governance/proposals");
    }

    static Map<String, Object> listing(String productRef, List<Map<String, Object>> coCreators) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PRODUCT_LISTING");
        body.put("title", "List the co-created rice wine");
        body.put("description", "Blend chosen with two partners.");
        body.put("productRef", productRef);
        body.put("coCreators", coCreators);
        return body;
    }

    static Map<String, Object> co(String partner, int bps) {
        return Map.of("partner", partner, "shareBps", bps);
    }

    /** The kernel's rule: floors, then the leftover units to the largest remainders (ties to the first). */
    static long[] largestRemainder(long total, long... weights) {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        long[] parts = new long[weights.length];
        BigInteger[] rem = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))
                .divideAndRemainder(BigInteger.valueOf(sum));
            parts[i] = qr[0].longValueExact();
            rem[i] = qr[1];
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (rem[i].signum() >= 0 && (best < 0 || rem[i].compareTo(rem[best]) > 0)) {
                    best = i;
                }
            }
            parts[best]++;
            rem[best] = BigInteger.valueOf(-1);
        }
        return parts;
    }

    static List<Map<String, Object>> statements(Partner p) {
        return given().auth().oauth2(p.token()).get("/api/v1/me/statements").then().statusCode(200).extract()
            .jsonPath().getList("$");
    }

    /** The co-creation lines of the product in the partner's statements, once none of them is accruing any more. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> paidLines(Partner p, String product, long expectedAccrued) {
        List<Map<String, Object>> lines = new ArrayList<>();
        long accrued = 0;
        for (Map<String, Object> s : statements(p)) {
            for (Map<String, Object> l : (List<Map<String, Object>>) s.get("coCreation")) {
                if (!product.equals(l.get("productId"))) {
                    continue;
                }
                if (!"PAID".equals(l.get("status"))) {
                    return null;
                }
                Map<String, Object> withPeriod = new HashMap<>(l);
                withPeriod.put("periodId", s.get("periodId"));
                lines.add(withPeriod);
                accrued += Long.parseLong((String) l.get("productAccrued"));
            }
        }
        return accrued == expectedAccrued ? lines : null;
    }

    @Test
    void coCreatorsOfAListedProductArePaidTheirExactSharesEveryPeriod() {
        // Co-creators are members (they signed in); then enough new voters to reach the quorum with them counted.
        Partner seven = Gov.partner(Type.ED25519);
        Partner three = Gov.partner(Type.SECP256K1);
        List<Partner> voters = new ArrayList<>();
        for (int i = CatalogueIT.votersForQuorum(); i > 0; i--) {
            voters.add(Gov.partner(Type.ED25519));
        }
        Shop.Merchant m = Shop.merchant(true);
        Map<String, Object> product = new HashMap<>(Shop.product(Shop.gtin(), "Co-created rice wine", "alcohol", PRICE));
        product.put("stock", 20);
        String id = Shop.create(m.token(), product, "it-" + UUID.randomUUID()).then().statusCode(201)
            .body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");

        // Bad co-creator lists are refused before anything is written.
        Gov.refused(propose(m.token(), listing(id, List.of(co(seven.did(), 7000), co(three.did(), 3001)))), 400);
        Gov.refused(propose(m.token(), listing(id, List.of(co(seven.did(), 5000), co(seven.did(), 100)))), 400);
        Gov.refused(propose(m.token(), listing(id, List.of(co(seven.did(), 0)))), 400);
        Gov.refused(propose(m.token(), listing(id, List.of(co(DidWallet.create(Type.ED25519).did, 100)))), 400);
        Map<String, Object> general = new HashMap<>(Map.of("kind", "GENERAL", "title", "t", "coCreators",
            List.of(co(seven.did(), 100))));
        Gov.refused(propose(Gov.adminToken(), general), 400);

        String proposal = propose(m.token(), listing(id, List.of(co(seven.did(), 7000), co(three.did(), 3000))))
            .then().statusCode(201).body("coCreators[0].partner", equalTo(seven.did()))
            .body("coCreators[0].shareBps", equalTo(7000)).body("coCreators[1].partner", equalTo(three.did()))
            .body("coCreators[1].shareBps", equalTo(3000)).extract().path("id");
        Gov.awaitState(proposal, "ACTIVE", 30);
        for (Partner p : voters) {
            Gov.vote(p, proposal, "for", null);
        }
        Gov.awaitFinalTally(proposal);
        Gov.awaitState(proposal, "SUCCEEDED", 15);
        given().auth().oauth2(voters.get(0).token()).contentType("application/json").body("{}")
            .post("/api/v1/governance/proposals/" + proposal + "/queue").then().statusCode(200);
        Gov.awaitState(proposal, "EXECUTED", 30).getList("coCreators");
        given().get("/api/v1/products/" + id).then().statusCode(200).body("status", equalTo("LIVE"))
            .body("listingProposal", equalTo(proposal));

        // Two buyers: one completes 2 units, one has 1 of 3 refunded.
        Partner b1 = Buy.fundedPartner(100_000);
        Partner b2 = Buy.fundedPartner(100_000);
        String o1 = Buy.checkout(b1.token(), "it-" + UUID.randomUUID(), id, 2).then().statusCode(201).extract()
            .path("orders[0].id");
        String o2 = Buy.checkout(b2.token(), "it-" + UUID.randomUUID(), id, 3).then().statusCode(201).extract()
            .path("orders[0].id");
        int shareBps = given().queryParam("at", Buy.order(b1.token(), o1).getString("placedAt"))
            .get("/api/v1/governance/policies/in-force").then().statusCode(200).extract().jsonPath()
            .getInt("version.policy.coCreationShareBps");
        Buy.ship(m.token(), o1).then().statusCode(200);
        Buy.step(b1.token(), o1, "delivery", null).then().statusCode(200);
        Buy.step(b1.token(), o1, "completion", null).then().statusCode(200).body("status", equalTo("COMPLETED"));
        Buy.ship(m.token(), o2).then().statusCode(200);
        Buy.step(b2.token(), o2, "delivery", null).then().statusCode(200);
        Buy.step(m.token(), o2, "refund", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)),
            "reason", "one bottle broken")).then().statusCode(200).body("status", equalTo("REFUNDED"));

        // Frozen at placement: floor(amount × share × 10000 / 10^8); the refund claws back a third, largest remainder.
        long pending1 = 2 * PRICE * shareBps / 10_000;
        long pending2 = 3 * PRICE * shareBps / 10_000;
        long[] kept2 = largestRemainder(pending2, 2, 1);
        long accrued = pending1 + kept2[0];
        assertTrue(accrued > 0, "the policy in force gives co-creators a share: " + shareBps);

        List<Map<String, Object>> sevenLines = Await.until(Duration.ofSeconds(150), () -> paidLines(seven, id, accrued));
        List<Map<String, Object>> threeLines = Await.until(Duration.ofSeconds(30), () -> paidLines(three, id, accrued));
        long sevenTotal = 0;
        long threeTotal = 0;
        for (Map<String, Object> l : sevenLines) {
            long productAccrued = Long.parseLong((String) l.get("productAccrued"));
            long[] split = largestRemainder(productAccrued, 7000, 3000);
            assertEquals(Long.toString(split[0]), l.get("myShare"), l.toString());
            assertEquals(7000, ((Number) l.get("shareBps")).intValue());
            assertEquals(proposal, l.get("proposal"));
            // A co-creator whose split is 0 in a period has no payout (and no line) there.
            String other = threeLines.stream().filter(x -> x.get("periodId").equals(l.get("periodId")))
                .map(x -> (String) x.get("myShare")).findFirst().orElse("0");
            assertEquals(Long.toString(split[1]), other, threeLines.toString());
            sevenTotal += split[0];
            threeTotal += split[1];
        }
        assertEquals(accrued, sevenTotal + threeTotal, "nothing lost, nothing to the platform");
        assertEquals(sevenTotal, Buy.balance(seven), "paid into the co-creator's wallet");
        assertEquals(threeTotal, Buy.balance(three));

        // Each period's report: accrued / clawedBack / paid recomputed from the entries their proofs cite.
        long clawedBackSeen = 0;
        int periodsPayingBoth = 0;
        for (Map<String, Object> l : sevenLines) {
            String periodId = (String) l.get("periodId");
            JsonPath report = Await.until(Duration.ofSeconds(60), () -> {
                var r = given().get("/api/v1/reports/" + periodId);
                return r.statusCode() == 200 ? r.jsonPath() : null;
            });
            Map<String, Long> recomputed = new HashMap<>();
            Map<String, String> entryOf = new HashMap<>();
            for (Map<String, Object> proof : report.<Map<String, Object>>getList("proofs")) {
                String figure = (String) proof.get("figure");
                if (!figure.startsWith("/coCreation/CNY/")) {
                    continue;
                }
                String name = figure.substring("/coCreation/CNY/".length());
                long sum = 0;
                for (Object i : (List<?>) proof.get("auditIndexes")) {
                    JsonNode e = GovernanceAudit.entry(((Number) i).longValue());
                    JsonNode p = e.get("payload");
                    switch (name) {
                        case "accrued", "clawedBack" -> {
                            assertEquals("economy.cocreation.accrued", e.get("type").asText());
                            sum += Long.parseLong(p.get(name).asText());
                        }
                        case "awaitingApproval" -> {
                            assertEquals("economy.cocreation.payout.held", e.get("type").asText());
                            sum += Long.parseLong(p.get("amount").asText());
                        }
                        case "paid" -> {
                            assertEquals("economy.cocreation.payout", e.get("type").asText());
                            sum += Long.parseLong(p.get("amount").asText());
                            String did = p.get("did").asText();
                            assertTrue(did.equals(seven.did()) || did.equals(three.did()), did);
                            entryOf.put(did, p.get("ledgerEntryId").asText());
                        }
                        default -> sum++;
                    }
                }
                recomputed.put(name, sum);
                assertEquals(report.getString("coCreation.CNY." + name), Long.toString(sum), figure);
            }
            // Nothing of this product's periods is held: its shares are all below the approval threshold.
            assertEquals("0", report.getString("coCreation.CNY.awaitingApproval"), report.prettify());
            recomputed.putIfAbsent("awaitingApproval", 0L); // a figure of 0 may cite no entry at all
            assertEquals(5, recomputed.size(), recomputed.toString());
            if (entryOf.size() == 2) {
                periodsPayingBoth++;
                // The suite's platform pays one wallet per ledger entry (COPARTNER_COCREATION_WALLETS_PER_ENTRY=1):
                // the chunking that keeps a period of 100+ co-creators under the ledger's 100 postings per entry.
                assertTrue(!entryOf.get(seven.did()).equals(entryOf.get(three.did())), entryOf.toString());
            }
            assertEquals(report.getString("coCreation.CNY.accrued"), report.getString("coCreation.CNY.paid"),
                "everything a period accrued is paid at its close");
            clawedBackSeen += recomputed.get("clawedBack");
        }
        assertTrue(clawedBackSeen >= kept2[1], "the refund's clawback is in a report: " + clawedBackSeen);
        assertTrue(periodsPayingBoth > 0, "a period paid both co-creators, in two ledger entries");
    }

    /** Lists a product co-created by the given partners (bps each) through a passed PRODUCT_LISTING proposal. */
    static String listCoCreated(Shop.Merchant m, long price, Map<Partner, Integer> coCreators) {
        List<Partner> voters = new ArrayList<>();
        for (int i = CatalogueIT.votersForQuorum(); i > 0; i--) {
            voters.add(Gov.partner(Type.ED25519));
        }
        // A category that needs a listing vote (a tea would be live at once, and a live product is listed by nobody).
        Map<String, Object> product = new HashMap<>(Shop.product(Shop.gtin(), "Co-created plum wine", "alcohol",
            price));
        product.put("stock", 5);
        String id = Shop.create(m.token(), product, "it-" + UUID.randomUUID()).then().statusCode(201)
            .body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        List<Map<String, Object>> cos = new ArrayList<>();
        coCreators.forEach((p, bps) -> cos.add(co(p.did(), bps)));
        String proposal = propose(m.token(), listing(id, cos)).then().statusCode(201).extract().path("id");
        Gov.awaitState(proposal, "ACTIVE", 30);
        for (Partner p : voters) {
            Gov.vote(p, proposal, "for", null);
        }
        Gov.awaitFinalTally(proposal);
        Gov.awaitState(proposal, "SUCCEEDED", 15);
        given().auth().oauth2(voters.get(0).token()).contentType("application/json").body("{}")
            .post("/api/v1/governance/proposals/" + proposal + "/queue").then().statusCode(200);
        Gov.awaitState(proposal, "EXECUTED", 30);
        given().get("/api/v1/products/" + id).then().statusCode(200).body("status", equalTo("LIVE"))
            .body("listingProposal", equalTo(proposal));
        return id;
    }

    static int coCreationShareBpsNow() {
        return given().get("/api/v1/governance/policies/in-force").then().statusCode(200).extract().jsonPath()
            .getInt("version.policy.coCreationShareBps");
    }

    /**
     * Four eyes on co-creation (issue 12 items 3 and 4): a co-creator's payout above the approval threshold is held
     * at the period's close (audited, nothing moved, shown in the report as awaiting approval) while the one below
     * it is paid; the same admin cannot approve it twice; the second admin's approval pays it into the wallet.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCoCreationPayoutAboveTheThresholdWaitsForTwoDifferentAdmins() {
        Partner big = Gov.partner(Type.ED25519);
        Partner small = Gov.partner(Type.ED25519);
        Shop.Merchant m = Shop.merchant(true);
        int bps = coCreationShareBpsNow();
        assertTrue(bps > 0, "the policy in force gives co-creators a share");
        // Priced so that 90 % of the co-creation share is about 1.2 × the threshold and 10 % well below it.
        long price = SettlementIT.THRESHOLD * 12 / 10 * 10_000 * 10_000 / ((long) bps * 9_000) + 1;
        Map<Partner, Integer> shares = new java.util.LinkedHashMap<>();
        shares.put(big, 9_000);
        shares.put(small, 1_000);
        String product = listCoCreated(m, price, shares);

        Partner buyer = Buy.fundedPartner(price);
        String order = SettlementIT.buyAndComplete(m, buyer, product);
        int frozen = given().queryParam("at", Buy.order(buyer.token(), order).getString("placedAt"))
            .get("/api/v1/governance/policies/in-force").then().statusCode(200).extract().jsonPath()
            .getInt("version.policy.coCreationShareBps");
        long accrued = price * frozen / 10_000;
        long[] split = largestRemainder(accrued, 9_000, 1_000);
        assertTrue(split[0] > SettlementIT.THRESHOLD && split[1] <= SettlementIT.THRESHOLD,
            "one share above the threshold, one below: " + split[0] + " / " + split[1]);

        // The period closes: the small share is paid, the big one is held, in the admins' one queue.
        Map<String, Object> held = Await.until(Duration.ofSeconds(150), () -> {
            for (Map<String, Object> l : (List<Map<String, Object>>) statementWith(big, product).get("line")) {
                return "AWAITING_APPROVAL".equals(l.get("status")) ? l : null;
            }
            return null;
        });
        String periodId = (String) held.get("periodId");
        assertEquals(Long.toString(split[0]), held.get("myShare"));
        assertEquals(0, Buy.balance(big), "nothing moved before four eyes");
        Map<String, Object> smallLine = ((List<Map<String, Object>>) statementWith(small, product).get("line")).get(0);
        assertEquals("PAID", smallLine.get("status"), smallLine.toString());
        assertEquals(split[1], Buy.balance(small), "below the threshold: paid at the close");

        List<Map<String, Object>> waiting = SettlementIT.period(periodId).getList("pendingApprovals");
        Map<String, Object> payout = waiting.stream().filter(w -> "CO_CREATION".equals(w.get("kind"))
            && product.equals(w.get("productId"))).findFirst().orElseThrow(() -> new AssertionError(waiting));
        assertEquals(Long.toString(split[0]), payout.get("amount"));
        assertEquals("AWAITING_APPROVAL", payout.get("status"));
        String payoutId = (String) payout.get("id");
        // The buyer's revenue share of this big sale is above the threshold too: approve it, so the period closes.
        waiting.stream().filter(w -> "REVENUE_SHARE".equals(w.get("kind")) && Long.parseLong((String) w.get("amount"))
            > SettlementIT.THRESHOLD).forEach(w -> {
                SettlementIT.approve(Gov.adminToken(), (String) w.get("id"), "approve-" + UUID.randomUUID()).then()
                    .statusCode(200);
                SettlementIT.approve(secondAdmin(), (String) w.get("id"), "approve-" + UUID.randomUUID()).then()
                    .statusCode(200).body("status", equalTo("PENDING"));
            });

        // The report of the period (made at CLOSED, before the approval) shows it awaiting, proven by the held entry.
        JsonPath report = Await.until(Duration.ofSeconds(120), () -> {
            var r = given().get("/api/v1/reports/" + periodId);
            return r.statusCode() == 200 ? r.jsonPath() : null;
        });
        long awaitingInReport = Long.parseLong(report.getString("coCreation.CNY.awaitingApproval"));
        assertTrue(awaitingInReport >= split[0], report.prettify());
        long heldSum = 0;
        for (Map<String, Object> proof : report.<Map<String, Object>>getList("proofs")) {
            if ("/coCreation/CNY/awaitingApproval".equals(proof.get("figure"))) {
                for (Object i : (List<?>) proof.get("auditIndexes")) {
                    JsonNode e = GovernanceAudit.entry(((Number) i).longValue());
                    assertEquals("economy.cocreation.payout.held", e.get("type").asText());
                    heldSum += Long.parseLong(e.get("payload").get("amount").asText());
                }
            }
        }
        assertEquals(awaitingInReport, heldSum, "the figure recomputes from the held entries it cites");
        assertEquals(Long.parseLong(report.getString("coCreation.CNY.accrued")),
            Long.parseLong(report.getString("coCreation.CNY.paid")) + awaitingInReport, "paid + awaiting = accrued");

        // Four eyes: the first admin, the same admin again (refused), a second admin (pays it).
        SettlementIT.approve(Gov.adminToken(), payoutId, "approve-" + UUID.randomUUID()).then().statusCode(200)
            .body("status", equalTo("AWAITING_APPROVAL")).body("kind", equalTo("CO_CREATION"))
            .body("firstApprover", org.hamcrest.Matchers.notNullValue());
        SettlementIT.approve(Gov.adminToken(), payoutId, "approve-" + UUID.randomUUID()).then().statusCode(409)
            .body("type", equalTo("https://copartner.io/problems/conflict"));
        assertEquals(0, Buy.balance(big), "one admin is not two pairs of eyes");
        String second = "approve-" + UUID.randomUUID();
        SettlementIT.approve(secondAdmin(), payoutId, second).then().statusCode(200).body("status", equalTo("PAID"))
            .body("secondApprover", org.hamcrest.Matchers.notNullValue());
        SettlementIT.approve(secondAdmin(), payoutId, second).then().statusCode(200).body("status", equalTo("PAID"))
            .header("Idempotent-Replayed", equalTo("true"));
        SettlementIT.approve(Gov.adminToken(), payoutId, "approve-" + UUID.randomUUID()).then().statusCode(409);
        assertEquals(split[0], Buy.balance(big), "paid exactly once, into the co-creator's wallet");
        Map<String, Object> paid = ((List<Map<String, Object>>) statementWith(big, product).get("line")).get(0);
        assertEquals("PAID", paid.get("status"));
        assertTrue(SettlementIT.period(periodId).getList("pendingApprovals").stream()
            .noneMatch(w -> payoutId.equals(((Map<String, Object>) w).get("id"))), "no longer waiting");
    }

    /**
     * Fraud holds reach co-creation (issue 12 item 5): a flagged fake order (刷单) of a co-created product accrues
     * nothing for its co-creator at release; once an admin clears the flag its share accrues and is paid.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aFlaggedOrdersCoCreationShareIsWithheldUntilTheFlagIsCleared() {
        Partner creator = Gov.partner(Type.ED25519);
        Shop.Merchant m = Shop.merchant(true);
        long price = 1_000; // small, as fake orders are (copartner.fraud.fake-orders.max-total)
        String product = listCoCreated(m, price, Map.of(creator, 10_000));
        FraudIT.FakeOrders fake = FraudIT.fakeOrders(m, product, 100_000, 100_000);
        String order = fake.last();
        String admin = Gov.adminToken();
        Map<String, Object> flag = given().auth().oauth2(admin).queryParam("status", "OPEN").queryParam("limit", 100)
            .get("/api/v1/admin/fraud/flags").then().statusCode(200).extract().jsonPath()
            .getMap("items.find { it.orderId == '" + order + "' }");
        assertEquals("fake-orders", flag.get("pattern"));
        Buy.step(fake.buyer().token(), order, "completion", null).then().statusCode(200);
        int frozen = given().queryParam("at", Buy.order(fake.buyer().token(), order).getString("placedAt"))
            .get("/api/v1/governance/policies/in-force").then().statusCode(200).extract().jsonPath()
            .getInt("version.policy.coCreationShareBps");
        long share = price * frozen / 10_000;
        assertTrue(share > 0, "the policy in force gives co-creators a share: " + frozen);

        assertEquals(1, Await.until(Duration.ofSeconds(30), () -> {
            int n = auditedFor("economy.cocreation.withheld", order);
            return n > 0 ? n : null;
        }), "the release withheld the share, audited once");
        assertTrue(((List<Object>) statementWith(creator, product).get("line")).isEmpty(),
            "a withheld share is in no period: the co-creator sees nothing accruing");
        assertEquals(0, Buy.balance(creator));

        given().auth().oauth2(admin).header("Idempotency-Key", "it-" + UUID.randomUUID())
            .post("/api/v1/admin/fraud/flags/" + flag.get("id") + "/clear").then().statusCode(200);
        Map<String, Object> paid = Await.until(Duration.ofSeconds(150), () -> {
            List<Map<String, Object>> l = (List<Map<String, Object>>) statementWith(creator, product).get("line");
            return !l.isEmpty() && "PAID".equals(l.get(0).get("status")) ? l.get(0) : null;
        });
        assertEquals(Long.toString(share), paid.get("productAccrued"), "the cleared order's share, exactly");
        assertEquals(Long.toString(share), paid.get("myShare"));
        assertEquals(share, Buy.balance(creator), "paid once the flag was cleared");
        assertEquals(1, auditedFor("economy.cocreation.accrued", order));
    }

    /**
     * Issue 12 item 3, co-creation in the revenue-share weights: a REVENUE_POLICY weighs co-creation (10000, 10000,
     * 5000 bps: divisor 5000, weight = 2 × spend + 2 × referrals + co-creation); a co-creator who bought nothing gets
     * a share of the period's pool, which the test recomputes exactly from every weight of the period (raw
     * contributions in the database × the factors of the audited allocation) and the pool, largest remainder, ties
     * to the lower partner. The default weights are governed back afterwards, so the rest of the suite settles as
     * before.
     */
    @Test
    @SuppressWarnings("unchecked")
    // GovernanceIT runs concurrently and governs a REVENUE_POLICY: one it proposed meanwhile would carry (or drop)
    // these weights past the restore, so nothing else runs while they are in force.
    @ResourceLock(PlatformExtension.WHOLE_PLATFORM)
    void coCreationWeighsIntoTheRevenueShareAsThePolicyDefines() throws Exception {
        Partner creator = Gov.partner(Type.ED25519);
        Shop.Merchant m = Shop.merchant(true);
        String product = listCoCreated(m, PRICE, Map.of(creator, 10_000));
        governContributionWeights(Map.of("spendBps", 10_000, "referralsBps", 10_000, "coCreationBps", 5_000));
        try {
            Partner buyer = Buy.fundedPartner(100_000);
            String order = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), product, 5).then().statusCode(201)
                .extract().path("orders[0].id");
            int shareBps = given().queryParam("at", Buy.order(buyer.token(), order).getString("placedAt"))
                .get("/api/v1/governance/policies/in-force").then().statusCode(200).extract().jsonPath()
                .getInt("version.policy.coCreationShareBps");
            Buy.ship(m.token(), order).then().statusCode(200);
            Buy.step(buyer.token(), order, "delivery", null).then().statusCode(200);
            Buy.step(buyer.token(), order, "completion", null).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
            long accrued = 5 * PRICE * shareBps / 10_000;
            assertTrue(accrued > 0, "the policy in force gives co-creators a share: " + shareBps);

            // The creator's revenue-share line: no spend, no referrals, the whole accrual as co-creation (10000 bps).
            Map<String, Object> line = Await.until(Duration.ofSeconds(150), () -> {
                for (Map<String, Object> st : statements(creator)) {
                    for (Map<String, Object> l : (List<Map<String, Object>>) st.get("lines")) {
                        if ("CNY".equals(l.get("asset")) && "PAID".equals(l.get("payoutStatus"))) {
                            Map<String, Object> withPeriod = new HashMap<>(l);
                            withPeriod.put("periodId", st.get("periodId"));
                            return withPeriod;
                        }
                    }
                }
                return null;
            });
            String periodId = (String) line.get("periodId");
            assertEquals("0", line.get("mySpend"), line.toString());
            assertEquals("0", line.get("myReferrals"));
            assertEquals(Long.toString(accrued), line.get("myCoCreation"));
            assertEquals(Map.of("spendBps", 10_000, "referralsBps", 10_000, "coCreationBps", 5_000, "divisor", 5_000),
                line.get("contributionWeights"));
            assertEquals(Long.toString(accrued), line.get("myWeight"), "co-creation × 5000 / 5000");
            assertTrue(((String) line.get("formula")).contains("myCoCreation × 5000"), (String) line.get("formula"));

            try (java.sql.Connection db = AnchorCrashIT.db(PlatformExtension.settings())) {
                // The allocation's audited factors, then every weight of the period recomputed from its contributions.
                JsonNode allocated = Jcs.parse(AnchorCrashIT.text(db, "select e.canonical from ledger.audit_entry e "
                    + "join economy.settlement_pool p on p.audit_entry = e.id where p.period_id = '" + periodId
                    + "' and p.asset = 'CNY'")).get("payload");
                JsonNode f = allocated.get("contributionWeights");
                assertEquals(5_000, f.get("coCreationBps").asInt(), allocated.toString());
                assertEquals(5_000, f.get("divisor").asInt());
                List<String> partners = new ArrayList<>();
                List<Long> weights = new ArrayList<>();
                try (var ps = db.prepareStatement("select partner, spend, referrals, co_creation from "
                        + "economy.settlement_weight where period_id = ? and asset = 'CNY' order by partner")) {
                    ps.setString(1, periodId);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long w = (rs.getLong(2) * f.get("spendBps").asLong() + rs.getLong(3)
                                * f.get("referralsBps").asLong() + rs.getLong(4) * f.get("coCreationBps").asLong())
                                / f.get("divisor").asLong();
                            if (w > 0) {
                                partners.add(rs.getString(1));
                                weights.add(w);
                            }
                        }
                    }
                }
                long total = weights.stream().mapToLong(Long::longValue).sum();
                assertEquals(Long.toString(total), allocated.get("totalWeight").asText(), "W recomputed");
                assertEquals(Long.toString(total), line.get("totalWeight"));
                long pool = Long.parseLong(allocated.get("partnerPool").asText());
                assertEquals(Long.toString(pool), line.get("pool"));
                long[] shares = largestRemainder(pool, weights.stream().mapToLong(Long::longValue).toArray());
                String creatorParty = AnchorCrashIT.text(db, "select party from economy.cocreation_share where did = '"
                    + creator.did() + "'");
                int me = partners.indexOf(creatorParty);
                assertTrue(me >= 0, "the co-creator has a positive weight: " + partners);
                assertTrue(shares[me] > 0, "a co-creator with no spend gets a revenue share");
                assertEquals(Long.toString(shares[me]), line.get("myShare"), "largest remainder over the weights");
                for (int i = 0; i < partners.size(); i++) {
                    assertEquals(shares[i], AnchorCrashIT.scalar(db, "select coalesce(sum(amount), 0) from "
                        + "economy.settlement_payout where period_id = '" + periodId + "' and asset = 'CNY' and "
                        + "partner = '" + partners.get(i) + "'"), partners.get(i));
                }
            }
            // The wallet: the revenue share plus the co-creation royalty, each paid exactly once.
            long royalty = Await.until(Duration.ofSeconds(60), () -> {
                List<Map<String, Object>> l = (List<Map<String, Object>>) statementWith(creator, product).get("line");
                return !l.isEmpty() && "PAID".equals(l.get(0).get("status"))
                    ? Long.parseLong((String) l.get(0).get("myShare")) : null;
            });
            assertEquals(accrued, royalty);
            assertEquals(royalty + Long.parseLong((String) line.get("myShare")), Buy.balance(creator));
        } finally {
            governContributionWeights(Map.of("spendBps", 10_000, "referralsBps", 10_000, "coCreationBps", 0));
        }
    }

    /**
     * The policy in force with other contribution weights: proposed, voted by enough new members for the quorum,
     * executed, and in force now (from the next period's start).
     */
    @SuppressWarnings("unchecked")
    static void governContributionWeights(Map<String, Integer> weights) {
        List<Partner> voters = new ArrayList<>();
        for (int i = Math.max(6, CatalogueIT.votersForQuorum()); i > 0; i--) {
            voters.add(Gov.partner(i % 2 == 0 ? Type.ED25519 : Type.SECP256K1));
        }
        Map<String, Object> policy = new HashMap<>(given().get("/api/v1/governance/policies/in-force").then()
            .statusCode(200).extract().jsonPath().getMap("version.policy"));
        policy.put("contributionWeights", weights);
        String id = propose(Gov.adminToken(), Map.of("kind", "REVENUE_POLICY", "title", "Contribution weights",
            "description", "Weigh " + weights, "policy", policy)).then().statusCode(201).extract().path("id");
        Gov.awaitState(id, "ACTIVE", 30);
        voters.forEach(v -> Gov.vote(v, id, "for", null));
        Gov.awaitFinalTally(id);
        Gov.awaitState(id, "SUCCEEDED", 15);
        given().auth().oauth2(voters.get(0).token()).contentType("application/json").body("{}")
            .post("/api/v1/governance/proposals/" + id + "/queue").then().statusCode(200);
        Await.until(Duration.ofSeconds(30), () -> {
            Response r = GovernanceIT.execute(voters.get(1).token(), id);
            return r.statusCode() == 409 ? null : r.then().statusCode(200).extract().jsonPath();
        });
        Await.until(Duration.ofSeconds(90), () -> {
            JsonPath v = given().queryParam("at", java.time.Instant.now().toString())
                .get("/api/v1/governance/policies/in-force").then().statusCode(200).extract().jsonPath();
            return id.equals(v.getString("version.proposal")) ? v : null;
        });
        assertEquals(weights, given().get("/api/v1/governance/policies/in-force").then().statusCode(200).extract()
            .jsonPath().getMap("version.policy.contributionWeights"));
    }

    /** Audit entries of a type that name the order, counted in the platform's database. */
    static int auditedFor(String type, String orderId) {
        var settings = PlatformExtension.settings();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(settings.dbUrl(), settings.dbUser(),
                settings.dbPassword());
             java.sql.PreparedStatement ps = db.prepareStatement("select count(*) from ledger.audit_entry "
                 + "where type = ? and canonical like ?")) {
            ps.setString(1, type);
            ps.setString(2, "%\"orderId\":\"" + orderId + "\"%");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String secondAdmin() {
        return Tokens.clientCredentials("copartner-platform", "copartner-platform-dev-secret");
    }

    /** The partner's statement holding the product's co-creation line: {"periodId", "line": [that line]}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> statementWith(Partner p, String product) {
        for (Map<String, Object> s : statements(p)) {
            for (Map<String, Object> l : (List<Map<String, Object>>) s.get("coCreation")) {
                if (product.equals(l.get("productId"))) {
                    Map<String, Object> line = new HashMap<>(l);
                    line.put("periodId", s.get("periodId"));
                    return Map.of("periodId", s.get("periodId"), "line", List.of(line));
                }
            }
        }
        return Map.of("line", List.of());
    }
}
