package io.copartner.ledger.persistence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.money.Asset;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostingLine;
import io.copartner.ledger.domain.Account;
import io.copartner.ledger.domain.EntryPlan;
import io.copartner.ledger.domain.EntryRules;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerRepository#moveAndAppend}, the write of a plan, against a real PostgreSQL with the module's own
 * migrations: a refused move leaves nothing behind once the transaction rolls back, a balance at the edge of a
 * 64-bit integer is refused instead of wrapped or failing in SQL, and balances are locked in one order whatever the
 * order of the lines, so opposite transfers in many threads never deadlock and conserve the sum.
 */
class LedgerRepositoryPostgresTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final AtomicLong AUDIT_IDS = new AtomicLong();

    static EmbeddedPostgres pg;
    static DataSource db;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path work = Files.createDirectories(target.resolve("embedded-pg"));
        Path sockets = Files.createDirectories(target.resolve("pg-run"));
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.toFile())
            .setDataDirectory(target.resolve("pg-data"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", sockets.toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        db = pg.getPostgresDatabase();
        Flyway.configure(LedgerRepositoryPostgresTest.class.getClassLoader())
            .dataSource(db).schemas("ledger").createSchemas(true)
            .locations("classpath:db/migration/ledger")
            .load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** One transaction on its own connection: the repository sees it as the JTA-enlisted connection it gets in Liberty. */
    static <T> T inTransaction(boolean commit, TxWork<T> work) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            LedgerRepository repo = new LedgerRepository();
            repo.dataSource = shared(c);
            try {
                T result = work.run(repo, c);
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            }
        }
    }

    interface TxWork<T> {
        T run(LedgerRepository repo, Connection c) throws Exception;
    }

    /** A data source that hands out the transaction's connection and ignores close(), as Liberty's shared handle does. */
    static DataSource shared(Connection c) {
        Connection handle = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                    return null;
                }
                try {
                    return method.invoke(c, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getConnection" -> handle;
                case "getLogWriter" -> new PrintWriter(System.err);
                case "getParentLogger" -> Logger.getGlobal();
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    static Account account(AccountKind kind, long balance) throws Exception {
        Account a = Account.open(UUID.randomUUID(), "party:test", Asset.of("CNY"), kind, null, T0);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into ledger.account (id, owner, asset, kind, non_negative, balance, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, a.id());
            ps.setString(2, a.owner());
            ps.setString(3, a.asset().code());
            ps.setString(4, a.kind().name());
            ps.setBoolean(5, a.nonNegative());
            ps.setLong(6, balance);
            ps.setObject(7, T0.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
        return a;
    }

    static EntryPlan transfer(Account from, Account to, long amount) {
        var draft = EntryRules.draft(new PostEntry("test", List.of(new PostingLine(from.id(), "CNY", -amount),
            new PostingLine(to.id(), "CNY", amount)), "party:test"));
        return EntryRules.plan(UUID.randomUUID(), draft, Map.of(from.id(), from, to.id(), to));
    }

    /** Writes the plan and commits, or rolls back when a guard refused (as the service does); the refused account. */
    static UUID post(EntryPlan plan, Instant at) throws Exception {
        LedgerRepository.Appended[] out = new LedgerRepository.Appended[1];
        boolean[] refused = new boolean[1];
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            LedgerRepository repo = new LedgerRepository();
            repo.dataSource = shared(c);
            try {
                out[0] = repo.moveAndAppend(plan, at, AUDIT_IDS.incrementAndGet());
                refused[0] = out[0].refused() != null;
            } finally {
                if (refused[0] || out[0] == null) {
                    c.rollback();
                } else {
                    c.commit();
                }
            }
        }
        return out[0].refused();
    }

    static long balance(Account a) throws SQLException {
        return single("select balance from ledger.account where id = ?", a.id());
    }

    static long single(String sql, Object arg) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    static long entries(UUID entryId) throws SQLException {
        return single("select count(*) from ledger.journal_entry where id = ?", entryId)
            + single("select count(*) from ledger.posting where entry_id = ?", entryId);
    }

    @Test
    void anAcceptedPlanMovesEveryBalanceAndAppendsItsPostingsWithTheBalancesAfter() throws Exception {
        Account funding = account(AccountKind.EXTERNAL_FUNDING, 0);
        Account wallet = account(AccountKind.WALLET, 0);
        EntryPlan plan = transfer(funding, wallet, 500);
        LedgerRepository.Appended appended = inTransaction(true,
            (repo, c) -> repo.moveAndAppend(plan, T0, AUDIT_IDS.incrementAndGet()));
        assertNull(appended.refused());
        assertEquals(Map.of(funding.id(), -500L, wallet.id(), 500L), appended.balances());
        assertEquals(T0, appended.postedAt());
        assertEquals(500, balance(wallet));
        assertEquals(-500, balance(funding));
        assertEquals(3, entries(plan.id()));
        assertEquals(500, single("select balance_after from ledger.posting where account_id = ?", wallet.id()));
    }

    @Test
    void aRefusedMoveIsReportedAndTheRollbackLeavesNothing() throws Exception {
        Account funding = account(AccountKind.EXTERNAL_FUNDING, 0);
        Account wallet = account(AccountKind.WALLET, 0);
        Account other = account(AccountKind.WALLET, 0);
        assertNull(post(transfer(funding, wallet, 100), T0));

        // Three accounts, the wallet's move refused whatever its place in the lock order: the others moved in the
        // same round trip, and the rollback takes all of it back.
        var draft = EntryRules.draft(new PostEntry("overdraw", List.of(new PostingLine(wallet.id(), "CNY", -150),
            new PostingLine(other.id(), "CNY", 100), new PostingLine(funding.id(), "CNY", 50)), null));
        EntryPlan plan = EntryRules.plan(UUID.randomUUID(), draft,
            Map.of(funding.id(), funding, wallet.id(), wallet, other.id(), other));
        assertEquals(wallet.id(), post(plan, T0.plusSeconds(1)));
        assertEquals(ProblemType.INSUFFICIENT_FUNDS.uri(), plan.move(wallet.id()).refusal().problem().type());
        assertEquals(100, balance(wallet));
        assertEquals(0, balance(other));
        assertEquals(-100, balance(funding));
        assertEquals(0, entries(plan.id()));

        // Exactly the balance is allowed: the floor is zero, inclusive.
        assertNull(post(transfer(wallet, other, 100), T0.plusSeconds(2)));
        assertEquals(0, balance(wallet));
    }

    @Test
    void aBalanceAtTheEdgeOfALongIsRefusedNotWrapped() throws Exception {
        Account rich = account(AccountKind.WALLET, Long.MAX_VALUE - 5);
        Account funding = account(AccountKind.EXTERNAL_FUNDING, 0);
        EntryPlan tooMuch = transfer(funding, rich, 10);
        assertEquals(rich.id(), post(tooMuch, T0), "a credit past Long.MAX_VALUE is refused, not an SQL error");
        assertEquals(ProblemType.VALIDATION.uri(), tooMuch.move(rich.id()).refusal().problem().type());
        assertEquals(Long.MAX_VALUE - 5, balance(rich));
        assertEquals(0, entries(tooMuch.id()));
        assertNull(post(transfer(funding, rich, 5), T0), "up to Long.MAX_VALUE itself is fine");
        assertEquals(Long.MAX_VALUE, balance(rich));

        // The negative edge, for an account that may go negative.
        Account deep = account(AccountKind.EXTERNAL_FUNDING, Long.MIN_VALUE + 5);
        Account wallet = account(AccountKind.WALLET, 0);
        EntryPlan under = transfer(deep, wallet, 6);
        assertEquals(deep.id(), post(under, T0));
        assertEquals(ProblemType.VALIDATION.uri(), under.move(deep.id()).refusal().problem().type());
        assertEquals(Long.MIN_VALUE + 5, balance(deep));
        assertEquals(0, balance(wallet));
    }

    @Test
    void perAccountPostedAtStrictlyIncreasesEvenWhenALaterTransactionReadTheClockFirst() throws Exception {
        Account funding = account(AccountKind.EXTERNAL_FUNDING, 0);
        Account wallet = account(AccountKind.WALLET, 0);
        Instant late = T0.plusSeconds(60);
        EntryPlan first = transfer(funding, wallet, 10);
        assertNull(post(first, late));
        // This transaction's clock read was earlier, but it moved the balance after the first: 1 µs after it.
        EntryPlan second = transfer(funding, wallet, 10);
        LedgerRepository.Appended appended = inTransaction(true,
            (repo, c) -> repo.moveAndAppend(second, T0, AUDIT_IDS.incrementAndGet()));
        assertEquals(late.plus(1, ChronoUnit.MICROS), appended.postedAt());
        // An account the first entry did not touch does not hold the clock back.
        Account fresh = account(AccountKind.WALLET, 0);
        Account funding2 = account(AccountKind.EXTERNAL_FUNDING, 0);
        assertEquals(T0, inTransaction(true, (repo, c) ->
            repo.moveAndAppend(transfer(funding2, fresh, 1), T0, AUDIT_IDS.incrementAndGet())).postedAt());
    }

    @Test
    void balancesAreLockedInAscendingAccountIdOrderWhateverTheLineOrder() throws Exception {
        Account a = account(AccountKind.WALLET, 1_000);
        Account b = account(AccountKind.WALLET, 1_000);
        Account low = a.id().compareTo(b.id()) < 0 ? a : b;
        Account high = low == a ? b : a;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            lock(holder, low, false);
            // The plan's lines name the high account first; its moves must still lock the low one first.
            Future<UUID> waiting = pool.submit(() -> post(transfer(high, low, 7), T0));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock() == 1);
            try (Connection probe = db.getConnection()) {
                probe.setAutoCommit(false);
                lock(probe, high, true); // NOWAIT: fails at once if the waiting transfer held it
                probe.rollback();
            }
            holder.rollback();
            assertNull(waiting.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(993, balance(high));
        assertEquals(1_007, balance(low));
    }

    static void lock(Connection c, Account a, boolean nowait) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "select balance from ledger.account where id = ? for update" + (nowait ? " nowait" : ""))) {
            ps.setObject(1, a.id());
            ps.executeQuery().close();
        }
    }

    static long waitingOnALock() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%update ledger.account%'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void oppositeConcurrentTransfersNeverDeadlockAndConserveTheSum() throws Exception {
        Account a = account(AccountKind.WALLET, 0);
        Account b = account(AccountKind.WALLET, 0);
        Account funding = account(AccountKind.EXTERNAL_FUNDING, 0);
        assertNull(post(transfer(funding, a, 10_000), T0));
        assertNull(post(transfer(funding, b, 10_000), T0));
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                boolean aToB = t % 2 == 0;
                results.add(pool.submit(() -> {
                    int refused = 0;
                    for (int i = 0; i < perThread; i++) {
                        // A deadlock would surface here as PostgreSQL's "deadlock detected" (40P01) error.
                        if (post(aToB ? transfer(a, b, 7) : transfer(b, a, 7), Instant.now()) != null) {
                            refused++;
                        }
                    }
                    return refused;
                }));
            }
            for (Future<Integer> r : results) {
                assertEquals(0, r.get(120, TimeUnit.SECONDS), "no transfer refused: 10,000 covers 160 × 7");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10_000, balance(a));
        assertEquals(10_000, balance(b));
        assertEquals(20_000, balance(a) + balance(b));
        for (Account x : List.of(a, b)) {
            assertEquals(1 + threads * perThread, single("select count(*) from ledger.posting where account_id = ?", x.id()));
            assertEquals(balance(x), single("select sum(amount) from ledger.posting where account_id = ?", x.id()));
            // Along seq, balance_after chains and posted_at strictly increases.
            assertEquals(0, single("""
                select count(*) from (
                  select amount, balance_after, posted_at,
                         lag(balance_after) over w as prev_balance, lag(posted_at) over w as prev_at
                  from ledger.posting where account_id = ? window w as (order by seq)) s
                where prev_at is not null and (balance_after <> prev_balance + amount or posted_at <= prev_at)""", x.id()));
        }
        assertNotNull(funding);
    }
}
