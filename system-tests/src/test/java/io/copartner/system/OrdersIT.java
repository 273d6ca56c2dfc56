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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orders with escrow, black-box: one checkout of two merchants' goods paid in one ledger entry, each merchant ships,
 * the buyer confirms and accepts, escrow is released at the frozen policy rates, the trial balance holds and every
 * step is proven in the audit log; cancel, partial refund, auto-confirm, the last unit among 20 buyers, insufficient
 * funds, unavailable products and every step's actor check.
 */
@ExtendWith(PlatformExtension.class)
class OrdersIT {

    @Test
    void twoMerchantsOneCheckoutShipConfirmAndArePaidAtTheFrozenRates() {
        Shop.Merchant m1 = Shop.merchant(true);
        Shop.Merchant m2 = Shop.merchant(true);
        String p1 = Buy.product(m1, 10, 6800);
        String p2 = Buy.product(m2, 10, 1200);
        Partner buyer = Buy.fundedPartner(50000);

        String key = "it-checkout-" + UUID.randomUUID();
        Response r = Buy.checkout(buyer.token(), key, p1, 2, p2, 1);
        JsonPath c = r.then().statusCode(201).body("total", equalTo(14800)).body("orders.size()", equalTo(2))
            .extract().jsonPath();
        Buy.checkout(buyer.token(), key, p1, 2, p2, 1).then().statusCode(201).header("Idempotent-Replayed", "true")
            .body("id", equalTo(c.getString("id")));
        assertEquals(50000 - 14800, Buy.balance(buyer));

        // ONE ledger entry pays both orders: wallet -14800, escrow +14800.
        JsonPath entry = given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/entries/"
            + c.getString("ledgerEntryId")).then().statusCode(200).extract().jsonPath();
        List<Number> amounts = entry.getList("postings.amount", Number.class);
        assertEquals(2, amounts.size(), entry.prettify());
        assertEquals(0L, amounts.stream().mapToLong(Number::longValue).sum());

        Map<String, String> orderOf = new java.util.HashMap<>();
        for (Map<String, Object> o : c.<Map<String, Object>>getList("orders")) {
            orderOf.put((String) o.get("merchantId"), (String) o.get("id"));
            assertEquals("PAID", o.get("status"));
            assertEquals(c.getString("ledgerEntryId"), o.get("paymentEntryId"));
        }
        String o1 = orderOf.get(m1.id());
        String o2 = orderOf.get(m2.id());
        assertEquals(13600, Buy.order(buyer.token(), o1).getInt("total"));

        // The rates frozen on the order are those of the policy in force when it was placed.
        JsonPath placed = Buy.order(m1.token(), o1);
        JsonPath policy = given().queryParam("at", placed.getString("placedAt")).get(
            "/api/v1/governance/policies/in-force").then().statusCode(200).extract().jsonPath();
        int feeBps = policy.getInt("version.policy.platformFeeBps");
        int poolBps = policy.getInt("version.policy.partnerPoolBps");
        assertEquals(policy.getInt("version.version"), placed.getInt("rates.policyVersion"));
        assertEquals(feeBps, placed.getInt("rates.platformFeeBps"));
        assertEquals(poolBps, placed.getInt("rates.partnerPoolBps"));

        // Each merchant ships its own; the other merchant and the buyer may not.
        Buy.refused(Buy.ship(m2.token(), o1), 403, "forbidden");
        Buy.refused(Buy.ship(buyer.token(), o1), 403, "forbidden");
        Buy.ship(m1.token(), o1).then().statusCode(200).body("status", equalTo("SHIPPED"))
            .body("carrier", equalTo("SF Express"));
        Buy.ship(m2.token(), o2).then().statusCode(200).body("status", equalTo("SHIPPED"));
        Buy.refused(Buy.ship(m1.token(), o1), 409, "order-state-conflict");

        // The buyer confirms delivery and accepts; merchants may not do it for them.
        Buy.refused(Buy.step(m1.token(), o1, "delivery", null), 403, "forbidden");
        for (String o : List.of(o1, o2)) {
            Buy.step(buyer.token(), o, "delivery", null).then().statusCode(200).body("status", equalTo("DELIVERED"));
        }
        Buy.refused(Buy.step(m1.token(), o1, "completion", null), 403, "forbidden");
        for (String o : List.of(o1, o2)) {
            JsonPath done = Buy.step(buyer.token(), o, "completion", null).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).extract().jsonPath();
            long total = done.getLong("total");
            long fee = total * feeBps / 10000;
            long pool = total * poolBps / 10000;
            JsonPath release = given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/entries/"
                + done.getString("releaseEntryId")).then().statusCode(200).extract().jsonPath();
            List<Long> lines = release.getList("postings.amount", Number.class).stream().map(Number::longValue)
                .toList();
            assertEquals(0L, lines.stream().mapToLong(Long::longValue).sum(), release.prettify());
            assertTrue(lines.contains(-total), "escrow released: " + lines);
            assertTrue(lines.contains(total - fee - pool), "merchant receivable: " + lines);
            if (fee > 0) {
                assertTrue(lines.contains(fee), "platform fee: " + lines);
            }
            if (pool > 0) {
                assertTrue(lines.contains(pool), "partner pool: " + lines);
            }
        }
        JsonPath tb = given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/trial-balance").then()
            .statusCode(200).extract().jsonPath();
        assertTrue(tb.getBoolean("balanced"), tb.prettify());

        // Every step of both orders: PLACED, PAID, SHIPPED, DELIVERED, COMPLETED, each proven in the log.
        for (String o : List.of(o1, o2)) {
            assertEquals(List.of("PLACED", "PAID", "SHIPPED", "DELIVERED", "COMPLETED"),
                Buy.order(buyer.token(), o).getList("steps.status"));
            Buy.assertStepsProven(buyer.token(), o);
        }
        // The merchant lists its orders; another partner sees none of the buyer's.
        List<String> mine = given().auth().oauth2(m1.token()).queryParam("as", "merchant").get("/api/v1/orders")
            .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(mine.contains(o1) && !mine.contains(o2), mine.toString());
        Partner other = Buy.fundedPartner(0);
        Gov.refused(given().auth().oauth2(other.token()).get("/api/v1/orders/" + o1), 404);
    }

    @Test
    void cancelBeforeShippingRefundsInFullAndReturnsTheStock() {
        Shop.Merchant m = Shop.merchant(true);
        String p = Buy.product(m, 1, 3000);
        Partner buyer = Buy.fundedPartner(5000);
        String o = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
            .path("orders[0].id");
        assertEquals(2000, Buy.balance(buyer));
        // The product shows the live count (none left), while its version keeps the stock the merchant set.
        assertEquals(0, liveStock(p));
        assertEquals(1, io.restassured.RestAssured.given().when().get("/api/v1/products/" + p + "/versions").then()
            .statusCode(200).extract().jsonPath().getInt("[0].stock"));
        Partner stranger = Buy.fundedPartner(0);
        Buy.refused(Buy.step(stranger.token(), o, "cancellation", Map.of("reason", "not mine")), 403, "forbidden");
        Buy.step(buyer.token(), o, "cancellation", Map.of("reason", "ordered twice")).then().statusCode(200)
            .body("status", equalTo("CANCELED")).body("refunded", equalTo(3000));
        assertEquals(5000, Buy.balance(buyer));
        assertEquals(1, liveStock(p));
        Buy.refused(Buy.step(buyer.token(), o, "cancellation", null), 409, "order-state-conflict");
        // The unit is back: it can be bought again, then once shipped it cannot be canceled.
        String again = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
            .path("orders[0].id");
        Buy.ship(m.token(), again).then().statusCode(200);
        Buy.refused(Buy.step(m.token(), again, "cancellation", null), 409, "order-state-conflict");
        Buy.assertStepsProven(buyer.token(), o);
    }

    @Test
    void checkoutsSpreadOverTheEscrowShardsAndEachOrderIsRefundedFromItsOwn() {
        Shop.Merchant m = Shop.merchant(true);
        String p = Buy.product(m, 20, 100);
        Partner buyer = Buy.fundedPartner(2000);
        String auditor = Tokens.password("auditor", "auditor");
        java.util.Set<String> escrows = new java.util.HashSet<>();
        for (int i = 0; i < 16; i++) {
            String o = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
                .path("orders[0].id");
            String paidFrom = escrowPosting(auditor, Buy.order(buyer.token(), o).getString("paymentEntryId"), 100);
            Buy.step(buyer.token(), o, "cancellation", Map.of("reason", "testing the shards")).then().statusCode(200);
            assertEquals(paidFrom, escrowPosting(auditor, Buy.order(buyer.token(), o).getString("refundEntryId"), -100),
                "refunded from the escrow account it was paid into");
            escrows.add(paidFrom);
        }
        assertEquals(2000, Buy.balance(buyer), "every refund came back");
        // 16 checkouts over 16 shards all on one: (1/16)^15. The accounts are the platform's ESCROW accounts.
        assertTrue(escrows.size() > 1, "the checkouts used " + escrows.size() + " escrow account(s)");
        List<Map<String, Object>> accounts = given().auth().oauth2(auditor).queryParam("owner", "party:platform")
            .get("/api/v1/ledger/accounts").then().statusCode(200).extract().jsonPath().getList("$");
        for (String id : escrows) {
            Map<String, Object> a = accounts.stream().filter(x -> id.equals(x.get("id"))).findFirst().orElseThrow();
            assertEquals("ESCROW", a.get("kind"));
            assertEquals("CNY", a.get("asset"));
        }
    }

    /** The account of the ledger entry's posting of {@code amount} CNY (the escrow side of a payment or refund). */
    private static String escrowPosting(String auditor, String entryId, long amount) {
        List<Map<String, Object>> postings = given().auth().oauth2(auditor).get("/api/v1/ledger/entries/" + entryId)
            .then().statusCode(200).extract().jsonPath().getList("postings");
        return postings.stream().filter(x -> ((Number) x.get("amount")).longValue() == amount)
            .map(x -> (String) x.get("accountId")).findFirst().orElseThrow();
    }

    static long liveStock(String productId) {
        return io.restassured.RestAssured.given().when().get("/api/v1/products/" + productId).then().statusCode(200)
            .extract().jsonPath().getLong("stock");
    }

    @Test
    void aPartialRefundReturnsTheLinesAndReleasesTheRest() {
        Shop.Merchant m = Shop.merchant(true);
        String p = Buy.product(m, 5, 1000);
        Partner buyer = Buy.fundedPartner(10000);
        String o = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 3).then().statusCode(201).extract()
            .path("orders[0].id");
        Buy.ship(m.token(), o).then().statusCode(200);
        Buy.refused(Buy.step(m.token(), o, "refund", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)))),
            409, "order-state-conflict");
        Buy.step(buyer.token(), o, "delivery", null).then().statusCode(200);
        Buy.refused(Buy.step(buyer.token(), o, "refund", Map.of("lines", List.of(Map.of("lineNo", 1)))), 403,
            "forbidden");
        Buy.refused(Buy.step(m.token(), o, "refund", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 4)))),
            400, "validation");
        JsonPath done = Buy.step(m.token(), o, "refund", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)),
            "reason", "one tin dented")).then().statusCode(200).body("status", equalTo("REFUNDED"))
            .body("refunded", equalTo(1000)).body("lines[0].refundedQuantity", equalTo(1)).extract().jsonPath();
        assertEquals(10000 - 3000 + 1000, Buy.balance(buyer));
        JsonPath entry = given().auth().oauth2(Gov.adminToken()).get("/api/v1/ledger/entries/"
            + done.getString("refundEntryId")).then().statusCode(200).extract().jsonPath();
        List<Long> lines = entry.getList("postings.amount", Number.class).stream().map(Number::longValue).toList();
        assertEquals(0L, lines.stream().mapToLong(Long::longValue).sum());
        assertTrue(lines.contains(-3000L) && lines.contains(1000L), lines.toString());
        Buy.assertStepsProven(buyer.token(), o);
    }

    @Test
    void aShippedOrderConfirmsItselfDeliveredAfterTheConfiguredDelay() {
        Shop.Merchant m = Shop.merchant(true);
        String p = Buy.product(m, 1, 500);
        Partner buyer = Buy.fundedPartner(500);
        String o = Buy.checkout(buyer.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
            .path("orders[0].id");
        JsonPath shipped = Buy.ship(m.token(), o).then().statusCode(200).extract().jsonPath();
        Instant due = Instant.parse(shipped.getString("autoConfirmAt"));
        JsonPath delivered = Await.until(Duration.ofSeconds(90), () -> {
            JsonPath j = Buy.order(buyer.token(), o);
            return "DELIVERED".equals(j.getString("status")) ? j : null;
        });
        assertTrue(!Instant.parse(delivered.getString("deliveredAt")).isBefore(due), delivered.prettify());
        assertEquals("scheduler", delivered.getString("steps[3].actorRole"));
        Buy.assertStepsProven(buyer.token(), o);
    }

    @Test
    void twentyConcurrentBuyersOfTheLastUnitOneWinsTheRestAreRefusedAndNotCharged() throws Exception {
        Shop.Merchant m = Shop.merchant(true);
        String p = Buy.product(m, 1, 700);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Partner>> made = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                made.add(pool.submit(() -> Buy.fundedPartner(1000)));
            }
            List<Partner> buyers = new ArrayList<>();
            for (Future<Partner> f : made) {
                buyers.add(f.get());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (Partner b : buyers) {
                Callable<Response> buy = () -> {
                    go.await();
                    return Buy.checkout(b.token(), "it-" + UUID.randomUUID(), p, 1);
                };
                answers.add(pool.submit(buy));
            }
            go.countDown();
            int won = 0;
            for (int i = 0; i < 20; i++) {
                Response r = answers.get(i).get();
                if (r.statusCode() == 201) {
                    won++;
                    assertEquals(300, Buy.balance(buyers.get(i)));
                } else {
                    Buy.refused(r, 409, "out-of-stock");
                    assertEquals(1000, Buy.balance(buyers.get(i)), "a refused buyer is not charged");
                }
            }
            assertEquals(1, won, "exactly one buyer gets the last unit");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A checkout takes its stock last (after its ledger entry) and a cancel gives it back after its own entry, so the
     * two lock in the same order: buyers racing for the last units while cancels hand units back neither deadlock
     * nor oversell, and every unit is either in a paid order or back in stock.
     */
    @Test
    void buyersRacingCancelsForTheLastUnitsNeverOversellAndEveryUnitIsAccountedFor() throws Exception {
        Shop.Merchant m = Shop.merchant(true);
        String p = Buy.product(m, 5, 100);
        Partner early = Buy.fundedPartner(300);
        List<String> toCancel = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            toCancel.add(Buy.checkout(early.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201).extract()
                .path("orders[0].id"));
        }
        assertEquals(2, liveStock(p));
        ExecutorService pool = Executors.newFixedThreadPool(23);
        try {
            List<Future<Partner>> made = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                made.add(pool.submit(() -> Buy.fundedPartner(250)));
            }
            List<Partner> buyers = new ArrayList<>();
            for (Future<Partner> f : made) {
                buyers.add(f.get());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> buys = new ArrayList<>();
            for (Partner b : buyers) {
                buys.add(pool.submit(() -> {
                    go.await();
                    return Buy.checkout(b.token(), "it-" + UUID.randomUUID(), p, 2);
                }));
            }
            List<Future<Response>> cancels = new ArrayList<>();
            for (String o : toCancel) {
                cancels.add(pool.submit(() -> {
                    go.await();
                    return Buy.step(early.token(), o, "cancellation", Map.of("reason", "race"));
                }));
            }
            go.countDown();
            for (Future<Response> c : cancels) {
                c.get().then().statusCode(200).body("status", equalTo("CANCELED"));
            }
            int won = 0;
            for (int i = 0; i < buyers.size(); i++) {
                Response r = buys.get(i).get();
                if (r.statusCode() == 201) {
                    won++;
                    assertEquals(50, Buy.balance(buyers.get(i)));
                } else {
                    Buy.refused(r, 409, "out-of-stock");
                    assertEquals(250, Buy.balance(buyers.get(i)), "a refused buyer is not charged");
                }
            }
            assertEquals(300, Buy.balance(early), "every canceled order was refunded in full");
            // 5 units, 2 per buyer: at most 2 buyers, at least 1 (the 2 units left before the race).
            assertTrue(won >= 1 && won <= 2, won + " buyers won");
            assertEquals(5 - 2 * won, liveStock(p), "every unit is in a paid order or back in stock");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void insufficientFundsOrUnavailableProductsWriteNothing() {
        Shop.Merchant m = Shop.merchant(true);
        String p = Buy.product(m, 1, 6800);
        Partner poor = Buy.fundedPartner(100);
        Buy.refused(Buy.checkout(poor.token(), "it-" + UUID.randomUUID(), p, 1), 409, "insufficient-funds");
        assertEquals(100, Buy.balance(poor));
        Partner walletless = Buy.fundedPartner(0);
        Buy.refused(Buy.checkout(walletless.token(), "it-" + UUID.randomUUID(), p, 1), 409, "insufficient-funds");
        given().auth().oauth2(poor.token()).get("/api/v1/orders").then().statusCode(200).body("items.size()", equalTo(0));
        // The one unit was not taken by the refused checkouts.
        Partner rich = Buy.fundedPartner(6800);
        Buy.checkout(rich.token(), "it-" + UUID.randomUUID(), p, 1).then().statusCode(201);
        Buy.refused(Buy.checkout(rich.token(), "it-" + UUID.randomUUID(), p, 1), 409, "out-of-stock");

        // Awaiting listing approval (alcohol needs a proposal in the test platform), or a suspended merchant's.
        Map<String, Object> wine = new java.util.HashMap<>(Shop.product(Shop.gtin(), "Rice wine", "alcohol", 100));
        String awaiting = Shop.create(m.token(), wine, "it-" + UUID.randomUUID()).then().statusCode(201)
            .body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        Buy.refused(Buy.checkout(rich.token(), "it-" + UUID.randomUUID(), awaiting, 1), 409, "product-unavailable");
        Shop.Merchant suspended = Shop.merchant(true);
        String hidden = Buy.product(suspended, 5, 100);
        MerchantAdminIT.post(Gov.adminToken(), "/api/v1/admin/merchants/" + suspended.id() + "/suspension",
            Map.of("reason", "test")).then().statusCode(200);
        Buy.refused(Buy.checkout(rich.token(), "it-" + UUID.randomUUID(), hidden, 1), 409, "product-unavailable");
        Buy.refused(Buy.checkout(rich.token(), "it-" + UUID.randomUUID(), UUID.randomUUID().toString(), 1), 404,
            "not-found");
        Buy.refused(Buy.checkout(rich.token(), "it-" + UUID.randomUUID(), p, 0), 400, "validation");
        // Merchants and admins do not check out (partners' wallets do).
        Gov.refused(Buy.checkout(m.token(), "it-" + UUID.randomUUID(), p, 1), 403);
    }
}
