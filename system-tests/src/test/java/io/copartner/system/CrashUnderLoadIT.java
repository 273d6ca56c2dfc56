package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.launcher.Platform;
import io.copartner.launcher.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Crash under load, nothing lost (issue 13 item 3). Sixteen callers post ledger entries with Idempotency-Keys while
 * the platform is supervised as `./copartner run` supervises it; Liberty is killed with SIGKILL mid-traffic, then the
 * embedded PostgreSQL (postmaster and every backend). The supervisor notices each death and restarts the part; the
 * callers retry, with the same key, whatever was not acknowledged. Afterwards every acknowledged write is in the
 * ledger exactly once with the id it was acknowledged with, every retried key converged to one entry, the trial
 * balance is zero per asset, the audit log's self-check and the standalone verifier pass, and the sequencer
 * integrated everything (no gap, nothing pending). Runs after the ordinary scenarios, before the outage ones.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
@Order(Integer.MAX_VALUE - 3)
class CrashUnderLoadIT {

    static final int CALLERS = 16;
    /** Acknowledged writes to see before each fault and after the last one: bounded load, small CI time. */
    static final int WRITES_PER_PHASE = 150;

    @Test
    void sigkillOfLibertyThenOfPostgresUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        SoakScenario.SoakResult r = scenario().run(Duration.ZERO);
        assertEquals(0, r.lost());
        assertEquals(0, r.doubled());
    }

    /** The same scenario for `./copartner soak`: each of its three phases lasts at least a third of the budget. */
    static SoakScenario scenario() {
        return new SoakScenario() {
            @Override
            public String name() {
                return "crash under load";
            }

            @Override
            public SoakResult run(Duration budget) throws Exception {
                return crashUnderLoad(budget.dividedBy(3));
            }
        };
    }

    static SoakScenario.SoakResult crashUnderLoad(Duration phase) throws Exception {
        Platform platform = PlatformExtension.platform();
        PlatformSettings s = PlatformExtension.settings();
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            wallets.add(LedgerIT.openWallet("party:" + run + "-" + i, "CNY"));
        }
        List<String> gaveUp = new java.util.concurrent.CopyOnWriteArrayList<>();
        platform.supervise(Duration.ofMillis(250), gaveUp::add);
        LedgerLoad load = new LedgerLoad(s.baseUrl(), () -> LedgerIT.token("admin"), run, wallets);
        long libertyBack;
        long postgresBack;
        try {
            load.start();
            awaitAcked(load, WRITES_PER_PHASE, phase, Duration.ofMinutes(2));

            long t0 = System.nanoTime();
            platform.crash("liberty");
            System.out.printf("[crash-load] Liberty killed (SIGKILL) with %d acknowledged%n", load.acked());
            awaitReady(Duration.ofMinutes(10));
            libertyBack = System.nanoTime() - t0;
            awaitAcked(load, load.acked() + WRITES_PER_PHASE, phase, Duration.ofMinutes(3));

            t0 = System.nanoTime();
            platform.crash("postgresql");
            // Acknowledgements of commits made before the kill may still arrive: count from after it.
            long before = load.acked();
            System.out.printf("[crash-load] PostgreSQL killed (SIGKILL) with %d acknowledged%n", before);
            awaitAcked(load, before + CALLERS, Duration.ofMinutes(3));
            postgresBack = System.nanoTime() - t0;
            awaitAcked(load, before + WRITES_PER_PHASE, phase, Duration.ofMinutes(3));
        } finally {
            load.stopAndDrain(Duration.ofMinutes(3));
            platform.unsupervise();
        }
        assertTrue(gaveUp.isEmpty(), "the supervisor gave up: " + gaveUp);
        // Keycloak shares the embedded PostgreSQL: wait until it signs in again, for the checks and the tests after.
        Await.until(Duration.ofMinutes(2), () -> {
            try {
                return Tokens.fresh("auditor", "auditor");
            } catch (Exception | AssertionError e) {
                return null;
            }
        });
        awaitReady(Duration.ofMinutes(2));

        Map<String, String> acked = load.acknowledged();
        Map<String, List<String>> stored = entriesByKey(s, run);
        int lost = 0;
        int duplicated = 0;
        int converged = 0;
        for (Map.Entry<String, String> a : acked.entrySet()) {
            List<String> ids = stored.getOrDefault(a.getKey(), List.of());
            if (ids.isEmpty()) {
                lost++;
            } else if (ids.size() > 1) {
                duplicated++;
            } else if (ids.get(0).equals(a.getValue()) && load.retried().contains(a.getKey())) {
                converged++;
            }
        }
        int unacknowledgedButStored = (int) stored.keySet().stream().filter(k -> !acked.containsKey(k)).count();
        System.out.printf("[crash-load] %d callers: sent %d requests, acknowledged %d writes, lost %d, duplicated %d;"
                + " %d keys retried after a failure, %d converged to one entry; %d answers 5xx, %d connection errors;"
                + " Liberty back %.1f s after SIGKILL, writes flowing again %.1f s after PostgreSQL's SIGKILL%n",
            CALLERS, load.sent(), acked.size(), lost, duplicated, load.retried().size(), converged, load.serverErrors(),
            load.connectionErrors(), libertyBack / 1e9, postgresBack / 1e9);

        assertEquals(0, lost, "acknowledged writes missing from the ledger");
        assertEquals(0, duplicated, "writes stored more than once");
        assertEquals(0, load.clientErrors(), "4xx answers to valid posts: " + load.firstClientError());
        assertEquals(0, unacknowledgedButStored, "every key was retried until acknowledged");
        assertEquals(load.retried().size(), converged, "every retried key converged to the one stored entry");
        assertTrue(load.retried().size() > 0, "the faults hit requests in flight");
        for (int i = 0; i < CALLERS; i++) {
            assertEquals(load.ackedBy(i), LedgerIT.balance(wallets.get(i)), "balance of caller " + i + "'s wallet");
        }
        LedgerIT.assertTrialBalance();

        // The sequencer resumed: it integrates everything recorded, leaf indexes 0..n-1 with no gap or repeat.
        try (Connection c = AnchorCrashIT.db(s)) {
            Await.until(Duration.ofSeconds(60), () -> {
                try {
                    return AnchorCrashIT.scalar(c, "select count(*) from ledger.audit_pending") == 0 ? Boolean.TRUE : null;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long leaves = AnchorCrashIT.scalar(c, "select count(*) from ledger.audit_leaf");
            assertEquals(leaves, AnchorCrashIT.scalar(c, "select coalesce(max(leaf_index) + 1, 0) from ledger.audit_leaf"),
                "leaf indexes 0..n-1 without a gap");
            Await.until(Duration.ofSeconds(60), () -> PrivacyIT.treeSize() >= leaves ? Boolean.TRUE : null);
        }
        given().auth().oauth2(LedgerIT.token("auditor")).get("/api/v1/audit/self-check")
            .then().statusCode(200).body("ok", equalTo(true));
        Path state = Files.createTempDirectory("verifier-crash").resolve("state.json");
        VerifierCli.Result verifier = VerifierCli.run(state, "--samples", "64");
        System.out.println("[crash-load] verifier exit " + verifier.exitCode());
        assertEquals(0, verifier.exitCode(), verifier.output());
        System.out.printf("[crash-load] load held %.1f acknowledged writes/s over the run, p99 %.1f ms%n",
            load.ackedPerSecond(), load.p99Millis());
        return new SoakScenario.SoakResult("crash under load", load.sent(), load.ackedPerSecond(), load.p99Millis(),
            2, -1, load.serverErrors(), lost, duplicated, "pass");
    }

    static void awaitAcked(LedgerLoad load, long atLeast, Duration timeout) {
        awaitAcked(load, atLeast, Duration.ZERO, timeout);
    }

    /** At least {@code atLeast} acknowledged and at least {@code phase} since the call. */
    static void awaitAcked(LedgerLoad load, long atLeast, Duration phase, Duration timeout) {
        long until = System.nanoTime() + phase.toNanos();
        Await.until(timeout.plus(phase), () -> {
            load.assertHealthy();
            return load.acked() >= atLeast && System.nanoTime() >= until ? Boolean.TRUE : null;
        });
    }

    static void awaitReady(Duration timeout) {
        Await.until(timeout, () -> {
            try {
                return given().get("/health/ready").statusCode() == 200 ? Boolean.TRUE : null;
            } catch (Exception e) {
                return null; // connection refused (a ConnectException, rethrown unchecked) while Liberty restarts
            }
        });
    }

    /** Idempotency key → ids of the entries stored for it (the memo carries the key). */
    static Map<String, List<String>> entriesByKey(PlatformSettings s, String run) throws Exception {
        Map<String, List<String>> out = new HashMap<>();
        try (Connection c = AnchorCrashIT.db(s);
             PreparedStatement ps = c.prepareStatement(
                 "select memo, id from ledger.journal_entry where memo like ?")) {
            ps.setString(1, run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }
}
