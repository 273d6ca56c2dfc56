package io.copartner.kernel.idempotency;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The idempotency table against a real PostgreSQL: claim, replay, conflict, and N concurrent claims of one key. */
class IdempotencyTablePostgresTest {

    static final String TABLE = "test.idempotency_key";
    static final PartyId ADMIN = PartyId.of("admin");
    static EmbeddedPostgres pg;
    static IdempotencyTable table = new IdempotencyTable(TABLE);

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "embedded-pg"));
        Path sockets = Files.createDirectories(work.resolve("sockets"));
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.toFile())
            .setDataDirectory(Files.createTempDirectory(work, "data"))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", sockets.toAbsolutePath().toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create schema test");
            st.execute(IdempotencyTable.ddl(TABLE));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    static Connection tx() throws SQLException {
        Connection c = pg.getPostgresDatabase().getConnection();
        c.setAutoCommit(false);
        return c;
    }

    static IdempotentRequest request(String key, String op, PartyId caller, Object amount) {
        return IdempotentRequest.of(new IdempotencyKey(key), op, caller, Map.of("amount", amount));
    }

    @Test
    void theFirstClaimExecutesAndTheSameRequestReplaysItsAnswer() throws Exception {
        String key = "k-" + UUID.randomUUID();
        try (Connection c = tx()) {
            IdempotencyTable.Claim first = table.claim(c, request(key, "ledger.entry.post", ADMIN, 5), "entry-1");
            assertFalse(first.replayed());
            c.commit();
        }
        try (Connection c = tx()) {
            IdempotencyTable.Claim again = table.claim(c, request(key, "ledger.entry.post", ADMIN, 5), "entry-2");
            assertTrue(again.replayed());
            assertEquals("entry-1", again.result());
            assertEquals("entry-1", table.earlier(c, request(key, "ledger.entry.post", ADMIN, 5)).orElseThrow());
            c.rollback();
        }
    }

    @Test
    void anotherBodyOperationOrCallerWithTheKeyIsAConflict() throws Exception {
        String key = "k-" + UUID.randomUUID();
        try (Connection c = tx()) {
            table.claim(c, request(key, "ledger.entry.post", ADMIN, 5), "entry-1");
            c.commit();
        }
        for (IdempotentRequest other : List.of(request(key, "ledger.entry.post", ADMIN, 6),
            request(key, "ledger.entry.reverse", ADMIN, 5), request(key, "ledger.entry.post", PartyId.of("x"), 5))) {
            try (Connection c = tx()) {
                ProblemException e = assertThrows(ProblemException.class, () -> table.claim(c, other, "entry-2"));
                assertEquals(ProblemType.IDEMPOTENCY_CONFLICT.uri(), e.problem().type());
                assertThrows(ProblemException.class, () -> table.earlier(c, other));
                c.rollback();
            }
        }
    }

    @Test
    void aClaimCompletedLaterIsInProgressUntilThen() throws Exception {
        String key = "k-" + UUID.randomUUID();
        IdempotentRequest r = request(key, "identity.credential.issue", ADMIN, 1);
        try (Connection c = tx()) {
            assertFalse(table.claim(c, r, null).replayed());
            c.commit();
        }
        try (Connection c = tx()) {
            assertEquals(ProblemType.IDEMPOTENCY_IN_PROGRESS.uri(), assertThrows(ProblemException.class,
                () -> table.earlier(c, r)).problem().type());
            table.complete(c, r.key(), "cred-1");
            c.commit();
        }
        try (Connection c = tx()) {
            assertEquals("cred-1", table.claim(c, r, null).result());
            c.rollback();
        }
    }

    @Test
    void aRolledBackClaimLeavesTheKeyFree() throws Exception {
        String key = "k-" + UUID.randomUUID();
        try (Connection c = tx()) {
            table.claim(c, request(key, "op", ADMIN, 1), "r-1");
            c.rollback();
        }
        try (Connection c = tx()) {
            assertTrue(table.earlier(c, request(key, "op", ADMIN, 2)).isEmpty());
            assertFalse(table.claim(c, request(key, "op", ADMIN, 2), "r-2").replayed());
            c.rollback();
        }
    }

    /**
     * N transactions claim one key at once: the first holds its claim uncommitted until every other one is seen
     * waiting on it in PostgreSQL (pg_locks), then commits. Exactly one executes; the N-1 others replay its answer.
     */
    @Test
    void ofNConcurrentClaimsOfOneKeyExactlyOneExecutes() throws Exception {
        int n = 8;
        String key = "race-" + UUID.randomUUID();
        AtomicInteger executed = new AtomicInteger();
        CountDownLatch othersWaiting = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<IdempotencyTable.Claim>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String mine = "entry-" + i;
                results.add(pool.submit(() -> {
                    try (Connection c = tx()) {
                        IdempotencyTable.Claim claim = table.claim(c, request(key, "ledger.entry.post", ADMIN, 7), mine);
                        if (!claim.replayed()) {
                            executed.incrementAndGet();
                            // The "write" stays uncommitted until every other claim is blocked behind this one.
                            assertTrue(othersWaiting.await(60, TimeUnit.SECONDS));
                        }
                        c.commit();
                        return claim;
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> blockedOnTransactionLocks() >= n - 1);
            othersWaiting.countDown();
            List<String> answers = new ArrayList<>();
            int replays = 0;
            for (Future<IdempotencyTable.Claim> f : results) {
                IdempotencyTable.Claim claim = f.get(60, TimeUnit.SECONDS);
                answers.add(claim.result());
                replays += claim.replayed() ? 1 : 0;
            }
            assertEquals(1, executed.get(), "exactly one claim executes");
            assertEquals(n - 1, replays);
            assertEquals(1, answers.stream().distinct().count(), "every claim answers with the winner's result");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sessions waiting for another transaction (the uncommitted claim's row). */
    static int blockedOnTransactionLocks() throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_locks where not granted and locktype = 'transactionid'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
