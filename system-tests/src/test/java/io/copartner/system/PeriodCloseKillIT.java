package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.copartner.launcher.Platform;
import io.copartner.launcher.PlatformSettings;
import io.copartner.system.Gov.Partner;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A period close resumed after a kill (issue 12 item 3, "resumed after a kill"). {@value #PARTNERS} partners each
 * complete one purchase starting early in a settlement period (PT30S in the test platform), so its close has up to
 * that many payouts (at least {@value #MIN_IN_PERIOD} when a loaded machine spills some into the next period),
 * paid {@code COPARTNER_SETTLEMENT_PAY_BATCH} (small in the test platform) per step. While the close is under way
 * (the admin API shows 0 &lt; partnersDone &lt; partnersTotal) Liberty gets SIGKILL; the database then still shows the
 * period CLOSING and unfinished, so the kill did land mid-close. The supervisor restarts Liberty, the close carries on,
 * and afterwards everything happened exactly once: one {@code economy.payout} audit entry per paid partner, their sum
 * the report's {@code distributed}, {@code distributed + undistributed = partnerPool}, one payout posting in each
 * buyer's wallet and its balance exactly that payout, the trial balance zero, the audit self-check and the standalone
 * verifier passing.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it kills Liberty: nothing else runs meanwhile
@Order(Integer.MAX_VALUE - 6) // after the ordinary scenarios, before the other crash and outage ones
class PeriodCloseKillIT {

    /** With the suite's pay batch, this many payouts make a close of many steps, long enough to kill it midway. */
    static final int PARTNERS = 200;
    /** Each buyer tops up exactly this and spends it, so the wallet afterwards holds only the payout. */
    static final long PRICE = 1_000;
    static final int THREADS = 6;
    /** The completions must all fall into one period of 30 s; they start within this much of its beginning. */
    static final Duration EARLY_IN_PERIOD = Duration.ofSeconds(3);
    /** At least this many payouts in the close that is killed (at ~90 steps/s a window of over a second). */
    static final int MIN_IN_PERIOD = 100;

    record Buyer(Partner partner, String walletAccount, String order) {
    }

    @Test
    void aCloseKilledMidwayFinishesAfterTheRestartAndPaysEveryPartnerExactlyOnce() throws Exception {
        Platform platform = PlatformExtension.platform();
        PlatformSettings s = PlatformExtension.settings();
        Shop.Merchant merchant = Shop.merchant(true);
        String product = Buy.product(merchant, PARTNERS, PRICE);

        // Everything up to delivery first (any period): only the completions, which release escrow and so make the
        // contributions, have to fit into one period.
        long t0 = System.nanoTime();
        List<Buyer> buyers = parallel(PARTNERS, i -> {
            Partner p = Buy.fundedPartner(PRICE);
            String order = Buy.checkout(p.token(), "it-" + UUID.randomUUID(), product, 1).then().statusCode(201)
                .extract().path("orders[0].id");
            Buy.ship(merchant.token(), order).then().statusCode(200);
            Buy.step(p.token(), order, "delivery", null).then().statusCode(200);
            String account = given().auth().oauth2(p.token()).get("/api/v1/wallet").then().statusCode(200)
                .body("[0].balance", equalTo(0)).extract().path("[0].accountId");
            return new Buyer(p, account, order);
        });
        System.out.printf("[close-kill] %d partners funded, bought and delivered in %.1f s%n", PARTNERS,
            (System.nanoTime() - t0) / 1e9);

        try (Connection db = AnchorCrashIT.db(s)) {
            awaitEarlyInAPeriod(db);
            t0 = System.nanoTime();
            parallel(PARTNERS, i -> Buy.step(buyers.get(i).partner().token(), buyers.get(i).order(), "completion", null)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).extract().path("id"));
            System.out.printf("[close-kill] %d orders completed in %.1f s%n", PARTNERS, (System.nanoTime() - t0) / 1e9);
            // On a loaded machine the completions can run past the period's end (38 s once): the close killed is
            // that of the period that got most of them, and only its buyers are checked.
            Map<String, String> periodOfOrder = periodsOf(db, buyers);
            Map<String, Long> periods = new TreeMap<>();
            periodOfOrder.values().forEach(id -> periods.merge(id, 1L, Long::sum));
            String periodId = periods.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            System.out.printf("[close-kill] completions per period: %s; the close of %s is killed%n", periods, periodId);
            assertTrue(periods.get(periodId) >= MIN_IN_PERIOD, "too few completions in one period: " + periods);
            List<Buyer> paid = buyers.stream().filter(b -> periodId.equals(periodOfOrder.get(b.order()))).toList();

            List<String> gaveUp = new CopyOnWriteArrayList<>();
            platform.supervise(Duration.ofMillis(250), gaveUp::add);
            JsonPath closed;
            String[] atKill;
            try {
                // Polled often: the window is the time the close takes to pay its steps.
                JsonPath midway = Await.until(Duration.ofSeconds(120), Duration.ofMillis(20), () -> {
                    JsonPath p = SettlementIT.period(periodId);
                    int done = p.getInt("partnersDone");
                    int total = p.getInt("partnersTotal");
                    if ("CLOSED".equals(p.getString("state"))) {
                        fail("the close ended before it could be killed (" + done + " of " + total + "): make the "
                            + "period bigger or COPARTNER_SETTLEMENT_PAY_BATCH smaller");
                    }
                    return 0 < done && done < total ? p : null;
                });
                platform.crash("liberty");
                // With Liberty dead, the database says where the close stood: the kill landed before its end.
                atKill = periodRow(db, periodId);
                System.out.printf("[close-kill] Liberty killed (SIGKILL) at %d of %d seen; the database then had %s %s"
                    + " of %s%n", midway.getInt("partnersDone"), midway.getInt("partnersTotal"), atKill[0], atKill[1],
                    atKill[2]);
                assertEquals("CLOSING", atKill[0], "the period was still closing when Liberty died");
                assertTrue(Integer.parseInt(atKill[1]) < Integer.parseInt(atKill[2]), "payouts were still to pay");
                long killedAt = System.nanoTime();
                CrashUnderLoadIT.awaitReady(Duration.ofMinutes(10));
                System.out.printf("[close-kill] Liberty ready %.1f s after the kill%n",
                    (System.nanoTime() - killedAt) / 1e9);
                closed = Await.until(Duration.ofMinutes(2), () -> {
                    JsonPath p = SettlementIT.period(periodId);
                    return "CLOSED".equals(p.getString("state")) ? p : null;
                });
                System.out.printf("[close-kill] period %s CLOSED %.1f s after the kill%n", periodId,
                    (System.nanoTime() - killedAt) / 1e9);
            } finally {
                platform.unsupervise();
            }
            assertTrue(gaveUp.isEmpty(), "the supervisor gave up: " + gaveUp);
            printPace(db, periodId, Integer.parseInt(atKill[1]));
            assertExactlyOnce(db, periodId, closed, paid);
        }

        LedgerIT.assertTrialBalance();
        given().auth().oauth2(LedgerIT.token("auditor")).get("/api/v1/audit/self-check")
            .then().statusCode(200).body("ok", equalTo(true));
        Path state = Files.createTempDirectory("verifier-close-kill").resolve("state.json");
        VerifierCli.Result verifier = VerifierCli.run(state, "--samples", "64");
        assertEquals(0, verifier.exitCode(), verifier.output());
    }

    /** The payouts, counted from the audit log, the report and the ledger, each happened exactly once. */
    static void assertExactlyOnce(Connection db, String periodId, JsonPath closed, List<Buyer> buyers)
        throws SQLException {
        int total = closed.getInt("partnersTotal");
        assertEquals(total, closed.getInt("partnersDone"));
        assertTrue(total >= buyers.size(), "every buyer has a payout: " + total);

        // Every economy.payout entry of the period in the audit log, not only those the report cites.
        Map<String, Long> byPartner = new HashMap<>();
        Map<String, Long> sumByAsset = new TreeMap<>();
        int entries = 0;
        try (PreparedStatement ps = db.prepareStatement("select canonical from ledger.audit_entry "
            + "where type = 'economy.payout' and subject = ?")) {
            ps.setString(1, "settlement-period:" + periodId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode payload = Jcs.parse(rs.getString(1)).get("payload");
                    assertEquals(periodId, payload.get("periodId").asText());
                    long amount = Long.parseLong(payload.get("amount").asText());
                    String key = payload.get("asset").asText() + " " + payload.get("partner").asText();
                    assertEquals(null, byPartner.put(key, amount), "one payout entry per partner and asset: " + key);
                    sumByAsset.merge(payload.get("asset").asText(), amount, Math::addExact);
                    entries++;
                }
            }
        }
        assertEquals(total, entries, "economy.payout entries of the period = partners paid");

        JsonPath report = Await.until(Duration.ofSeconds(60), () -> {
            var r = given().get("/api/v1/reports/" + periodId);
            return r.statusCode() == 200 ? r.jsonPath() : null;
        });
        Map<String, Map<String, String>> byAsset = report.getMap("byAsset");
        for (Map.Entry<String, Long> a : sumByAsset.entrySet()) {
            Map<String, String> figures = byAsset.get(a.getKey());
            assertEquals(Long.parseLong(figures.get("distributed")), a.getValue(), "payouts sum to distributed");
            assertEquals(Long.parseLong(figures.get("partnerPool")),
                Long.parseLong(figures.get("distributed")) + Long.parseLong(figures.get("undistributed")),
                "distributed + undistributed = partnerPool in " + a.getKey());
        }
        int cited = 0;
        for (Map<String, Object> proof : report.<Map<String, Object>>getList("proofs")) {
            if (String.valueOf(proof.get("figure")).matches("/byAsset/[^/]+/distributed")) {
                cited += ((List<?>) proof.get("auditIndexes")).size();
            }
        }
        assertEquals(entries, cited, "the report cites each payout entry once");

        // Each buyer's wallet: exactly one payout posting of this period, and the balance is exactly that payout.
        for (Buyer b : buyers) {
            String owner;
            long postings;
            try (PreparedStatement ps = db.prepareStatement("select a.owner, count(p.seq) from ledger.account a "
                + "left join ledger.posting p on p.account_id = a.id and p.entry_id in (select id from "
                + "ledger.journal_entry where memo like ?) where a.id = ?::uuid group by a.owner")) {
                ps.setString(1, "revenue share " + periodId + " %");
                ps.setString(2, b.walletAccount());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "wallet " + b.walletAccount());
                    owner = rs.getString(1);
                    postings = rs.getLong(2);
                }
            }
            Long payout = byPartner.get("CNY " + owner);
            assertTrue(payout != null && payout > 0, "a payout entry for " + owner);
            assertEquals(1, postings, "one payout posting in the wallet of " + owner);
            assertEquals(payout.longValue(), LedgerIT.balance(b.walletAccount()), "wallet of " + owner);
        }
    }

    /**
     * Prints (never asserts) how fast the close paid before the kill, from its ledger entries' times: the window a kill
     * has to land in is about partners / steps per second.
     */
    static void printPace(Connection db, String periodId, int beforeKill) throws SQLException {
        List<java.time.Instant> times = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("select posted_at from ledger.journal_entry where memo like ? "
            + "order by posted_at")) {
            ps.setString(1, "revenue share " + periodId + " %");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
                }
            }
        }
        if (beforeKill >= 2 && times.size() >= beforeKill) {
            double seconds = Duration.between(times.get(0), times.get(beforeKill - 1)).toNanos() / 1e9;
            System.out.printf("[close-kill] before the kill: %d pay steps in %.2f s (%.0f steps/s); %d steps in all%n",
                beforeKill, seconds, (beforeKill - 1) / Math.max(seconds, 1e-3), times.size());
        }
    }

    /** Waits until a settlement period began at most {@link #EARLY_IN_PERIOD} ago. */
    static void awaitEarlyInAPeriod(Connection db) {
        Await.until(Duration.ofSeconds(90), () -> {
            try {
                String sql = "select extract(epoch from now() - start_at) * 1000 from economy.settlement_period "
                    + "where start_at <= now() and now() < end_at";
                try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getDouble(1) <= EARLY_IN_PERIOD.toMillis() ? Boolean.TRUE : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Order id → the period that got it as revenue. */
    static Map<String, String> periodsOf(Connection db, List<Buyer> buyers) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select order_id, period_id from economy.settlement_revenue "
            + "where order_id = any(?)")) {
            ps.setArray(1, db.createArrayOf("uuid", buyers.stream().map(b -> UUID.fromString(b.order())).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertEquals(buyers.size(), out.size(), "every order counted");
        return out;
    }

    /** state, partners_done, partners_total of the period, read from the database. */
    static String[] periodRow(Connection db, String periodId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select state, partners_done, partners_total from "
            + "economy.settlement_period where id = ?")) {
            ps.setString(1, periodId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), periodId);
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    /** {@code n} calls on {@link #THREADS} threads, results in call order; the first failure fails the test. */
    static <T> List<T> parallel(int n, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> call.apply(k)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err; // a failed assertion reads as itself
                    }
                    throw e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
