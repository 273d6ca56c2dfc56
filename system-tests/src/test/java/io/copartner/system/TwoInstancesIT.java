package io.copartner.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.launcher.Platform;
import io.copartner.launcher.PlatformSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two Liberty instances on one database (issue 13 item 4): a second instance on another port shares PostgreSQL,
 * Keycloak, the chain and the keys. Both take writes; the audit sequencer and the anchor worker run on both but
 * one at a time (advisory locks, a lease); the test waits until the second instance is seen holding the
 * sequencer's lock and the lease of an anchor in flight (sent, not yet mined: the dev chain mines on request meanwhile),
 * kills it with SIGKILL there and then, and measures how soon the first integrates again and records that anchor
 * (once the dead holder's short lease runs out). Then: nothing acknowledged by either is lost or doubled, leaf
 * indexes have no gap, no size is anchored twice, the anchor in flight is recorded with the transaction it was sent in.
 */
@ExtendWith(PlatformExtension.class)
@ResourceLock(PlatformExtension.WHOLE_PLATFORM) // it stops, restarts or reconfigures a part: nothing else runs meanwhile
@Order(Integer.MAX_VALUE - 4)
class TwoInstancesIT {

    /** AuditIntegrator.SEQUENCER_LOCK, as pg_locks shows a 64-bit advisory key: classid (high), objid (low). */
    static final long SEQUENCER_LOCK = 0x4350_4155_4449_54L;
    static final int CALLERS_EACH = 8;
    /** Another free port beside the first instance's (offset + 50 keeps it clear of the usual parts). */
    static final int SECOND_PORT_DELTA = 50;

    @Test
    void theSequencerRunsOnceAcrossInstancesAndTheSurvivorTakesOverWhenItsHolderDies() throws Exception {
        Platform platform = PlatformExtension.platform();
        PlatformSettings s = PlatformExtension.settings();
        String run = "two-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> wallets1 = new ArrayList<>();
        List<String> wallets2 = new ArrayList<>();
        for (int i = 0; i < CALLERS_EACH; i++) {
            wallets1.add(LedgerIT.openWallet("party:" + run + "-a" + i, "CNY"));
            wallets2.add(LedgerIT.openWallet("party:" + run + "-b" + i, "CNY"));
        }
        long t0 = System.nanoTime();
        Platform.ExtraLiberty second = platform.startExtraLiberty("liberty-2", s.httpPort() + SECOND_PORT_DELTA);
        System.out.printf("[two-instances] second Liberty at %s ready in %.1f s%n", second.baseUrl(),
            (System.nanoTime() - t0) / 1e9);
        LedgerLoad first = new LedgerLoad(s.baseUrl(), () -> LedgerIT.token("admin"), run + "-a", wallets1);
        LedgerLoad other = new LedgerLoad(second.baseUrl(), () -> LedgerIT.token("admin"), run + "-b", wallets2);
        String secondInstance = "liberty-2-" + (s.httpPort() + SECOND_PORT_DELTA);
        String rpc = s.chainRpcUrl();
        double takeover;
        double anchorTakeover;
        long sizeAtKill;
        InFlight inFlight;
        try (Connection c = AnchorCrashIT.db(s)) {
            first.start();
            other.start();
            CrashUnderLoadIT.awaitAcked(first, 100, Duration.ofMinutes(2));
            CrashUnderLoadIT.awaitAcked(other, 100, Duration.ofMinutes(2));
            // With the dev chain mining on request only, an anchor sent stays in flight (its sender waiting for the
            // receipt, renewing its lease) until the test mines it: so the second instance can be caught holding it.
            ChainIT.rpc(rpc, "evm_setAutomine", "[false]");
            try {
                Await.until(Duration.ofSeconds(120), () -> {
                    InFlight f = inFlight(c);
                    if (f != null && !f.holder().equals(secondInstance)) {
                        ChainIT.rpc(rpc, "evm_mine", "[]"); // the first instance's anchor: let it land, try again
                    }
                    return f != null && f.holder().equals(secondInstance) ? true : null;
                });
                // Wait until it also holds the sequencer's lock (a batch takes milliseconds), and kill it there.
                Await.until(Duration.ofSeconds(60), Duration.ofMillis(50), () -> "copartner-liberty-2".equals(sequencerHolder(c))
                    && secondInstance.equals(holderOrNull(inFlight(c))) ? true : null);
                second.crash();
            } finally {
                // Its anchor was broadcast, so the node mines it now; the lease row still names the dead instance.
                ChainIT.rpc(rpc, "evm_setAutomine", "[true]");
                ChainIT.rpc(rpc, "evm_mine", "[]");
            }
            long killed = System.nanoTime();
            inFlight = inFlight(c);
            sizeAtKill = PrivacyIT.treeSize();
            System.out.printf("[two-instances] second Liberty killed holding the sequencer and the anchor lease of"
                + " tree size %d (tx %s); %d + %d acknowledged, tree size %d%n", inFlight.treeSize(), inFlight.txHash(),
                first.acked(), other.acked(), sizeAtKill);
            assertEquals(secondInstance, inFlight.holder(), "killed while holding the anchor lease");
            Await.until(Duration.ofSeconds(30), () -> PrivacyIT.treeSize() > sizeAtKill ? true : null);
            takeover = (System.nanoTime() - killed) / 1e9;
            // The first instance takes the anchor over once the dead holder's lease runs out and records it.
            Await.until(Duration.ofSeconds(60), () -> recordedTx(c, inFlight.treeSize()));
            anchorTakeover = (System.nanoTime() - killed) / 1e9;
            long anchoredAtTakeover = AnchorCrashIT.newestAnchoredSize();
            Await.until(Duration.ofSeconds(60), () -> AnchorCrashIT.newestAnchoredSize() > anchoredAtTakeover
                ? true : null); // and anchoring goes on past it
            CrashUnderLoadIT.awaitAcked(first, first.acked() + 100, Duration.ofMinutes(1));
        } finally {
            other.stopAndDrainOrAbandon();
            first.stopAndDrain(Duration.ofMinutes(1));
            second.close();
        }
        String contract = given().get("/api/v1/audit/contract").then().statusCode(200).extract().path("address");
        try (Connection c = AnchorCrashIT.db(s)) {
            assertEquals(inFlight.txHash(), recordedTx(c, inFlight.treeSize()),
                "the dead holder's anchor recorded with the transaction it sent");
        }
        assertEquals(inFlight.txHash(), AnchorCrashIT.anchoredTx(rpc, contract, inFlight.treeSize()),
            "that size is on chain once, by that transaction: not sent again");

        // The second instance's callers lost their server: what it acknowledged must be stored once; what it had
        // in flight was never acknowledged, so it may or may not be there (a client would retry elsewhere).
        int lost = 0;
        int doubled = 0;
        for (LedgerLoad load : List.of(first, other)) {
            Map<String, List<String>> stored = CrashUnderLoadIT.entriesByKey(s, load == first ? run + "-a" : run + "-b");
            for (Map.Entry<String, String> a : load.acknowledged().entrySet()) {
                List<String> ids = stored.getOrDefault(a.getKey(), List.of());
                lost += ids.isEmpty() ? 1 : 0;
                doubled += ids.size() > 1 ? 1 : 0;
                if (ids.size() == 1) {
                    assertEquals(a.getValue(), ids.get(0), a.getKey());
                }
            }
        }
        try (Connection c = AnchorCrashIT.db(s)) {
            Await.until(Duration.ofSeconds(60), () -> pending(c) == 0 ? true : null);
            long leaves = AnchorCrashIT.scalar(c, "select count(*) from ledger.audit_leaf");
            assertEquals(leaves, AnchorCrashIT.scalar(c, "select coalesce(max(leaf_index) + 1, 0) from ledger.audit_leaf"),
                "leaf indexes 0..n-1: no gap");
            assertEquals(0, AnchorCrashIT.scalar(c, "select count(*) from (select tree_size from ledger.audit_anchor"
                + " group by contract, tree_size having count(*) > 1) d"), "no size anchored twice");
            assertEquals(0, AnchorCrashIT.scalar(c, "select count(*) from (select tx_hash from ledger.audit_anchor"
                + " group by tx_hash having count(*) > 1) d"), "no anchor transaction recorded twice");
        }
        System.out.printf("[two-instances] acknowledged %d (first) + %d (second), lost %d, duplicated %d;"
                + " sequencer taken over %.2f s and the anchor in flight recorded by the survivor %.2f s after its"
                + " holder's SIGKILL; load held %.1f + %.1f writes/s%n",
            first.acked(), other.acked(), lost, doubled, takeover, anchorTakeover, first.ackedPerSecond(),
            other.ackedPerSecond());
        assertEquals(0, lost);
        assertEquals(0, doubled);
        assertTrue(takeover < 10, "the survivor integrates within seconds: " + takeover + " s");
        // The lease (15 s) runs out, then the survivor's next tick (1 s) claims and records it.
        assertTrue(anchorTakeover < 30, "the survivor anchors within seconds: " + anchorTakeover + " s");
        LedgerIT.assertTrialBalance();
    }

    /** The anchor in flight: a leased outbox row whose transaction was sent. */
    record InFlight(long treeSize, String txHash, String holder) {
    }

    static InFlight inFlight(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("""
                select tree_size, tx_hash, claimed_by from ledger.anchor_outbox
                where claimed_until > now() and tx_hash is not null order by tree_size desc limit 1""");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new InFlight(rs.getLong(1), rs.getString(2), rs.getString(3)) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String holderOrNull(InFlight f) {
        return f == null ? null : f.holder();
    }

    static String recordedTx(Connection c, long treeSize) {
        try {
            return AnchorCrashIT.text(c, "select tx_hash from ledger.audit_anchor where tree_size = " + treeSize);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sequencerHolder(Connection c) {
        try {
            return AnchorCrashIT.text(c, "select a.application_name from pg_locks l join pg_stat_activity a"
                + " on a.pid = l.pid where l.locktype = 'advisory' and l.granted"
                + " and ((l.classid::bigint << 32) | l.objid::bigint) = " + SEQUENCER_LOCK);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long pending(Connection c) {
        try {
            return AnchorCrashIT.scalar(c, "select count(*) from ledger.audit_pending");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
