package io.copartner.ledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copartner.ledger.audit.AuditStore.Pending;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sequencer's claim on a real PostgreSQL: oldest first, each entry once, rows another transaction holds are
 * skipped, and 10^5 entries loaded at once behind statistics that still say the queue is empty are claimed in
 * bounded time (the single-statement claim ran for minutes there).
 */
class ClaimPendingTest {

    static EmbeddedPostgres pg;

    @BeforeAll
    static void startDatabase() throws Exception {
        Path work = Path.of("target", "embedded-pg-claim").toAbsolutePath();
        Files.createDirectories(work);
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.toFile())
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", work.toString())
            .setServerConfig("autovacuum", "off")
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

    static void load(Connection c, int n) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("with e as (insert into ledger.audit_entry (type, subject, canonical, leaf_hash, recorded_at) "
                + "select 't', 's', '{}', sha256(int8send(g)), now() from generate_series(1, " + n + ") g returning id) "
                + "insert into ledger.audit_pending (entry_id) select id from e");
        }
    }

    @Test
    void oldestFirstEachOnceSkippingHeldRowsAndBoundedAfterABulkLoad() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("analyze ledger.audit_pending");
            st.execute("analyze ledger.audit_entry"); // empty: the statistics a fresh platform has
            load(c, 5);
            List<Pending> first = AuditStore.claimPending(c, 3);
            assertEquals(3, first.size());
            assertEquals(List.of(first.get(0).entryId(), first.get(0).entryId() + 1, first.get(0).entryId() + 2),
                first.stream().map(Pending::entryId).toList(), "oldest first");

            try (Connection holder = pg.getPostgresDatabase().getConnection()) {
                holder.setAutoCommit(false);
                List<Pending> held = AuditStore.claimPending(holder, 1);
                List<Pending> rest = AuditStore.claimPending(c, 10);
                assertEquals(1, rest.size(), "the row another transaction holds is skipped");
                assertEquals(held.get(0).entryId() + 1, rest.get(0).entryId());
                holder.rollback();
            }
            assertEquals(1, AuditStore.claimPending(c, 10).size(), "a claim rolled back is pending again");
            assertEquals(0, AuditStore.claimPending(c, 10).size());

            load(c, 100_000);
            long t0 = System.nanoTime();
            int claimed = 0;
            for (List<Pending> b = AuditStore.claimPending(c, 1000); !b.isEmpty(); b = AuditStore.claimPending(c, 1000)) {
                claimed += b.size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(100_000, claimed);
            System.out.printf("[claim] 100,000 bulk-loaded entries claimed in %.1f s%n", seconds);
        }
    }
}
