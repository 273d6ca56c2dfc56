package io.copartner.ledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.ledger.audit.AnchorOutboxStore.Claim;
import io.copartner.ledger.chain.AnchorReceipt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's claim / record SQL against a real PostgreSQL migrated with ledger's own migrations. */
class AnchorOutboxStoreTest {

    static EmbeddedPostgres pg;

    @BeforeAll
    static void startDatabase() throws Exception {
        Path work = Path.of("target", "embedded-pg-test").toAbsolutePath();
        Files.createDirectories(work);
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.toFile())
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", work.toString())
            .start();
        Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("ledger").createSchemas(true)
            .locations("classpath:db/migration/ledger").load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("delete from ledger.anchor_outbox");
            st.execute("delete from ledger.audit_anchor");
        }
    }

    @Test
    void theNewestDueRowIsLeasedToOneInstanceAndItsOwnerMayTakeItBack() throws SQLException {
        enqueue(5);
        enqueue(9);
        try (Connection c = connection()) {
            Claim a = AnchorOutboxStore.claim(c, "a", 300).orElseThrow();
            assertEquals(9, a.treeSize(), "the newest covers the older sizes");
            assertEquals(Optional.empty(), AnchorOutboxStore.claim(c, "b", 300), "a live lease: nobody else sends");
            assertEquals(a.id(), AnchorOutboxStore.claim(c, "a", 300).orElseThrow().id(),
                "the same instance after a half-done tick or a restart takes its lease back");
        }
    }

    @Test
    void anExpiredLeaseGoesToTheNextCaller() throws SQLException {
        enqueue(4);
        try (Connection c = connection()) {
            AnchorOutboxStore.claim(c, "dead", 0).orElseThrow();
            Claim b = AnchorOutboxStore.claim(c, "b", 300).orElseThrow();
            assertEquals(4, b.treeSize());
        }
    }

    @Test
    void aHeartbeatKeepsTheLeaseAliveAndTellsAPresumedDeadHolderItLostIt() throws SQLException {
        enqueue(7);
        try (Connection c = connection()) {
            Claim a = AnchorOutboxStore.claim(c, "a", 1).orElseThrow();
            assertTrue(AnchorOutboxStore.renew(c, a.id(), "a", 300), "the holder renews its own lease");
            assertEquals(Optional.empty(), AnchorOutboxStore.claim(c, "b", 300), "renewed: still a's");
            assertFalse(AnchorOutboxStore.renew(c, a.id(), "b", 300), "only the holder renews");

            AnchorOutboxStore.renew(c, a.id(), "a", 0); // a stops beating: its lease runs out
            Claim b = AnchorOutboxStore.claim(c, "b", 300).orElseThrow();
            assertEquals(a.id(), b.id(), "the survivor takes the checkpoint over");
            assertFalse(AnchorOutboxStore.renew(c, a.id(), "a", 300), "a, back from a pause, learns it lost it");
            assertEquals(Optional.empty(), AnchorOutboxStore.claim(c, "a", 300), "and cannot take it back");
        }
    }

    @Test
    void aTakerOverSettlesTheAnchorInFlightBeforeSendingANewerSize() throws SQLException {
        enqueue(5);
        try (Connection c = connection()) {
            Claim dead = AnchorOutboxStore.claim(c, "dead", 0).orElseThrow();
            AnchorOutboxStore.noteTx(c, dead.id(), "dead", "0x" + "cd".repeat(32));
            enqueue(8);
            Claim b = AnchorOutboxStore.claim(c, "b", 300).orElseThrow();
            assertEquals(5, b.treeSize(), "the size whose transaction was sent, not the newer one");
            assertEquals("0x" + "cd".repeat(32), b.txHash(), "so the taker waits for it instead of sending again");
            AnchorOutboxStore.fail(c, b.id(), "b", "reverted", 0);
            assertEquals(8, AnchorOutboxStore.claim(c, "b", 300).orElseThrow().treeSize(),
                "once it failed, the newest size goes first: a stuck size blocks nothing");
        }
    }

    @Test
    void twoCallersClaimingAtTheSameMomentNeverBothGetTheRow() throws SQLException {
        enqueue(6);
        try (Connection a = connection(); Connection b = connection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertTrue(AnchorOutboxStore.claim(a, "a", 300).isPresent());
            assertEquals(Optional.empty(), AnchorOutboxStore.claim(b, "b", 300), "a's claim is not committed yet");
            a.commit();
            b.rollback();
            assertEquals(Optional.empty(), AnchorOutboxStore.claim(b, "b", 300), "now a's lease is live");
            b.commit();
        }
    }

    @Test
    void recordingTwiceRecordsOnceAndDropsWhatItCovers() throws SQLException {
        enqueue(5);
        enqueue(9);
        enqueue(12);
        byte[] root = root(9);
        try (Connection c = connection()) {
            Claim claim = AnchorOutboxStore.claim(c, "a", 300).orElseThrow();
            AnchorOutboxStore.noteTx(c, claim.id(), "a", "0x" + "ab".repeat(32));
            assertEquals("0x" + "ab".repeat(32), AnchorOutboxStore.claim(c, "a", 300).orElseThrow().txHash());

            AnchorReceipt r = receipt(9, "0x" + "ab".repeat(32), 17);
            assertTrue(AnchorOutboxStore.record(c, r, root));
            assertFalse(AnchorOutboxStore.record(c, r, root), "the same anchor again: nothing new");
            assertFalse(AnchorOutboxStore.record(c, receipt(10, r.txHash(), 17), root), "one row per transaction");
            assertEquals(1, count(c, "select count(*) from ledger.audit_anchor"));
            assertEquals(1, count(c, "select count(*) from ledger.anchor_outbox"), "5 and 9 covered, 12 still queued");
            assertEquals(new AnchorOutboxStore.Recorded(9, 17),
                AnchorOutboxStore.recorded(c, r.contract().toUpperCase().replace("0X", "0x")));
        }
    }

    @Test
    void aFailureCountsBacksOffAndGivesTheLeaseUp() throws SQLException {
        enqueue(3);
        try (Connection c = connection()) {
            Claim claim = AnchorOutboxStore.claim(c, "a", 300).orElseThrow();
            AnchorOutboxStore.fail(c, claim.id(), "other", "not mine", 30);
            assertEquals(0, count(c, "select attempts from ledger.anchor_outbox"), "only the lease holder fails it");
            AnchorOutboxStore.fail(c, claim.id(), "a", "chain down", 30);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    select attempts, last_error, next_attempt_at > now() + interval '20 seconds', claimed_by
                    from ledger.anchor_outbox""")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals("chain down", rs.getString(2));
                assertTrue(rs.getBoolean(3));
                assertNull(rs.getString(4));
            }
            assertEquals(Optional.empty(), AnchorOutboxStore.claim(c, "b", 300), "not due during the back-off");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    static Connection connection() throws SQLException {
        return pg.getPostgresDatabase().getConnection();
    }

    static void enqueue(long size) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("""
                insert into ledger.anchor_outbox (tree_size, root_hash, next_attempt_at, created_at)
                values (?, ?, now(), now())""")) {
            ps.setLong(1, size);
            ps.setBytes(2, root((int) size));
            ps.executeUpdate();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static byte[] root(int b) {
        byte[] r = new byte[32];
        r[31] = (byte) b;
        return r;
    }

    static AnchorReceipt receipt(long size, String tx, long block) {
        return new AnchorReceipt(tx, block, 50_000, size, "0x00", 31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3");
    }
}
