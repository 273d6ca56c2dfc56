package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.launcher.Platform;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/** A chain that stops during traffic delays anchors but loses nothing, and commerce goes on meanwhile. */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
class ChainOutageIT {

    /** The newest queued anchor above a size, as the worker left it. */
    record OutboxRow(long treeSize, int attempts, String lastError, boolean retryLater) {
    }

    /** How long the chain stays down under load: -Dcopartner.it.chain-outage-seconds (CI 25; a minute by hand). */
    static final int OUTAGE_SECONDS = Integer.getInteger("copartner.it.chain-outage-seconds", 25);
    static final int CALLERS = 4;

    @Test
    void paymentsGoOnWhileTheChainIsDownAndAnchorsCatchUpAfterwards() throws Exception {
        System.out.println("[chain-outage] " + outage(Duration.ofSeconds(OUTAGE_SECONDS)));
    }

    /** The soak run's outage scenario: the chain down under load for half the budget (10 to 60 s). */
    static SoakScenario scenario() {
        return new SoakScenario() {
            @Override
            public String name() {
                return "chain outage";
            }

            @Override
            public SoakResult run(Duration budget) throws Exception {
                long half = Math.max(10, Math.min(60, budget.toSeconds() / 2));
                return outage(Duration.ofSeconds(half));
            }
        };
    }

    /** Stops the chain for {@code downFor} under load, starts it, checks every promise; the figures. */
    static SoakScenario.SoakResult outage(Duration downFor) throws Exception {
        AuditLogIT.awaitCheckpoint(2);
        Platform platform = PlatformExtension.platform();
        String payee = LedgerIT.openWallet();
        List<String> payers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            payers.add(LedgerIT.openWallet());
            LedgerIT.fund(payers.get(i), 1_000_000);
        }
        long anchoredBefore = newestAnchoredSize();
        long transfers;
        long down = System.nanoTime();
        platform.stopChain();
        try {
            // Callers keep paying for the whole outage; each payment must be acknowledged (201) as usual.
            transfers = load(payers, payee, downFor);
            assertEquals(transfers, LedgerIT.balance(payee), "every payment made during the outage landed");
            long grown = AuditLogIT.awaitCheckpoint(anchoredBefore + transfers).getLong("treeSize");
            given().get("/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'chain' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
            // The worker tried, failed and backs off: the outbox row of the grown tree says so.
            OutboxRow row = await("a failed anchor attempt, backing off, on the outbox").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> newestQueuedAbove(anchoredBefore),
                    r -> r != null && r.attempts() > 0 && r.lastError() != null && r.retryLater());
            System.out.println("[chain-outage] " + row);
            assertTrue(newestAnchoredSize() < grown, "nothing can be anchored while the chain is down");
        } finally {
            platform.startChain();
        }
        long outageMillis = (System.nanoTime() - down) / 1_000_000;

        long back = System.nanoTime();
        long size = AuditLogIT.awaitCheckpoint(1).getLong("treeSize");
        long anchored = await("anchors catch up once the chain is back").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(200))
            .until(ChainOutageIT::newestAnchoredSize, n -> n >= size);
        long catchUpMillis = (System.nanoTime() - back) / 1_000_000;
        try (Connection c = AnchorCrashIT.db(PlatformExtension.settings())) {
            assertEquals(0, AnchorCrashIT.scalar(c, "select count(*) from ledger.anchor_outbox where tree_size <= "
                + anchored), "the outbox is drained up to the anchored size");
        }
        given().get("/health/ready").then().statusCode(200);
        System.out.printf("[chain-outage] chain down %d ms under %d callers: %d payments acknowledged (%.0f/s); "
                + "anchored tree size %d before, %d after; caught up %d ms after the chain was back%n",
            outageMillis, CALLERS, transfers, transfers * 1000.0 / outageMillis, anchoredBefore, anchored,
            catchUpMillis);

        // Nothing lost: every leaf is in the signed tree, every anchor is on chain, and the log is consistent.
        VerifierCli.Result result = VerifierCli.run(Files.createTempDirectory("verifier").resolve("state.json"),
            "--samples", "64");
        assertEquals(0, result.exitCode(), result.output());
        // Every payment was acknowledged (a 5xx fails the load) and each landed once: lost and doubled are 0.
        return new SoakScenario.SoakResult("chain outage", transfers, transfers * 1000.0 / outageMillis, -1, 1, -1,
            0, 0, 0, "pass");
    }

    /** Payments of 1 from each payer to the payee until the time is up; how many were acknowledged. */
    static long load(List<String> payers, String payee, Duration duration) throws Exception {
        // One password grant before the callers start: concurrent grants for one user trip Keycloak's brute-force
        // detection (the user is then refused with 400 for a while).
        LedgerIT.token("admin");
        long until = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(payers.size());
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (String payer : payers) {
                done.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < until) {
                        LedgerIT.transfer(payer, payee, 1);
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    static OutboxRow newestQueuedAbove(long size) throws SQLException {
        try (Connection c = AnchorCrashIT.db(PlatformExtension.settings());
             PreparedStatement ps = c.prepareStatement("""
                 select tree_size, attempts, last_error, next_attempt_at > now() from ledger.anchor_outbox
                 where tree_size > ? order by tree_size desc limit 1""")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new OutboxRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)) : null;
            }
        }
    }

    private static long newestAnchoredSize() {
        List<Integer> sizes = given().get("/api/v1/audit/anchors?limit=1").then().statusCode(200)
            .extract().path("items.treeSize");
        return sizes.isEmpty() ? 0 : sizes.get(0);
    }
}
