package io.copartner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import io.copartner.ledger.api.event.LedgerEntryPosted;
import io.copartner.ledger.audit.AuditIntegrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wiring black-box tests cannot see, inside Liberty against the real ledger jar, JTA and CDI (one deployment,
 * so one application start, for all of it); every assertion reads what is committed.
 * <ul>
 *   <li>A ledger post and its audit record are one transaction: both commit, or neither does, whether the post is
 *       refused, its caller rolls back, or a synchronous observer of {@link LedgerEntryPosted} fails.</li>
 *   <li>The audit sequencer integrates each pending entry exactly once with two concurrent callers, and not at all
 *       while another instance holds its lock.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class LedgerWiringIT {

    private static final String CNY = "CNY";
    private static final int ENTRIES = 40;
    /** The sequencer's advisory lock key (AuditIntegrator.SEQUENCER_LOCK, package-private there). */
    private static final long SEQUENCER_LOCK = 0x4350_4155_4449_54L;

    @Deployment
    static WebArchive deployment() {
        return Deployments.ledgerWar("ledger-wiring", LedgerWiringIT.class, FailingObserver.class);
    }

    @Inject
    Ledger ledger;

    @Inject
    FailingObserver observer;

    @Inject
    AuditIntegrator integrator;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog log;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Resource(lookup = "jdbc/copartner")
    DataSource ds;

    @AfterEach
    void disarm() {
        observer.disarm();
    }

    @Test
    void aCommittedPostHasItsAuditRecord() {
        AccountView from = open(AccountKind.EXTERNAL_FUNDING);
        AccountView to = open(AccountKind.WALLET);

        PostResult result = ledger.post(move(from, to, 250), key());

        UUID id = result.entry().id();
        long auditId = result.entry().audit().entryId();
        assertEquals(1, entries(id));
        assertEquals(1, Sql.count(ds, "select count(*) from ledger.audit_entry where id = ? and subject = ?"
            + " and type = 'ledger.entry.posted'", auditId, "ledger-entry:" + id));
        assertEquals(1, Sql.count(ds, "select count(*) from ledger.audit_pending where entry_id = ?", auditId),
            "the audit record waits for the sequencer");
        assertEquals(250, balance(to));
    }

    @Test
    void aPostRolledBackByItsCallerLeavesNeitherEntryNorAuditRecord() throws Exception {
        AccountView from = open(AccountKind.EXTERNAL_FUNDING);
        AccountView to = open(AccountKind.WALLET);
        String key = key();

        tx.begin();
        PostResult inside;
        try {
            inside = ledger.post(move(from, to, 300), key);
        } finally {
            tx.rollback();
        }

        UUID id = inside.entry().id();
        assertEquals(0, entries(id));
        assertEquals(0, auditRecords(id, inside.entry().audit().entryId()));
        assertEquals(0, balance(to));
        // The Idempotency-Key claim rolled back too: the same key now posts afresh.
        PostResult again = ledger.post(move(from, to, 300), key);
        assertFalse(again.replayed());
        assertEquals(300, balance(to));
    }

    @Test
    void aRefusedPostRollsItsAuditRecordBack() {
        AccountView empty = open(AccountKind.WALLET);
        AccountView to = open(AccountKind.WALLET);
        long audited = auditRecordsNaming(empty);

        // The audit record is written before the balances move; the refused move must take it back with it.
        ProblemException refused = assertThrows(ProblemException.class, () -> ledger.post(move(empty, to, 1), key()));

        assertEquals(409, refused.problem().status(), refused.getMessage());
        assertEquals(audited, auditRecordsNaming(empty), "no audit record of the refused entry");
        assertEquals(0, Sql.count(ds, "select count(*) from ledger.posting where account_id = ?", empty.id()));
    }

    @Test
    void aFailingObserverRollsThePostBackWithItsAuditRecord() {
        AccountView from = open(AccountKind.EXTERNAL_FUNDING);
        AccountView to = open(AccountKind.WALLET);
        String key = key();
        observer.arm();

        RuntimeException failure = assertThrows(RuntimeException.class, () -> ledger.post(move(from, to, 400), key));

        LedgerEntryPosted event = observer.seen();
        assertNotNull(event, "the observer ran inside the post: " + failure);
        assertTrue(causes(failure).stream().anyMatch(t -> t instanceof IllegalStateException
            && String.valueOf(t.getMessage()).contains(event.entryId().toString())), "the observer's failure surfaces");
        assertEquals(0, entries(event.entryId()));
        assertEquals(0, auditRecords(event.entryId(), event.auditEntryId()));
        assertEquals(0, balance(from));
        assertEquals(0, balance(to));

        observer.disarm();
        PostResult retried = ledger.post(move(from, to, 400), key);
        assertFalse(retried.replayed(), "the key's claim rolled back with the entry");
        assertEquals(400, balance(to));
    }

    // The audit sequencer integrates every pending entry exactly once, however many callers run it at the same
    // time (the scheduler and a first checkpoint read in one instance, several Liberty instances on one database).
    // The server's batch limit is 7 (server.xml), so two callers take turns over several batches. No scheduler runs
    // in this deployment (no PlatformStarted is fired): the test's callers are the only ones.

    @Test
    void twoConcurrentCallersIntegrateEachPendingEntryExactlyOnce() throws Exception {
        integrateAll(); // whatever earlier tests left pending, so the count below is this test's own
        long leavesBefore = leaves();
        record(ENTRIES, "sequencer-" + Instant.now());
        long pending = pending();
        assertEquals(ENTRIES, pending);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            callers.add(executor.submit(() -> {
                start.await();
                return drain();
            }));
        }
        start.countDown();
        int appended = 0;
        List<Integer> perCaller = new ArrayList<>();
        for (Future<Integer> caller : callers) {
            int n = caller.get(60, TimeUnit.SECONDS);
            perCaller.add(n);
            appended += n;
        }

        assertEquals(ENTRIES, appended, "appended by the callers " + perCaller);
        assertEquals(0, pending());
        assertEquals(leavesBefore + ENTRIES, leaves());
        assertEquals(0, Sql.count(ds, "select count(*) - count(distinct entry_id) from ledger.audit_leaf"),
            "no entry has two leaves");
        assertEquals(leaves() - 1, Sql.count(ds, "select max(leaf_index) from ledger.audit_leaf"),
            "leaf indexes are 0..size-1 without gaps");
        AuditLog.SelfCheck check = log.selfCheck();
        assertTrue(check.ok(), "self-check: " + check.problems());
        assertEquals(leaves(), check.treeSize(), "the latest checkpoint covers every leaf");
    }

    @Test
    void aCallerThatDoesNotGetTheSequencerLockIntegratesNothing() throws Exception {
        integrateAll();
        record(3, "locked-" + Instant.now());
        long leavesBefore = leaves();

        // Another instance holds the sequencer: its transaction holds the advisory lock.
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                ps.setLong(1, SEQUENCER_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next() && rs.getBoolean(1), "the test took the sequencer lock");
                }
            }
            assertEquals(0, integrator.integrateBatch());
            assertEquals(3, pending());
            assertEquals(leavesBefore, leaves());
            other.rollback();
        }

        assertEquals(3, integrateAll());
        assertEquals(leavesBefore + 3, leaves());
    }

    private AccountView open(AccountKind kind) {
        return ledger.open(new OpenAccount("party:container-" + UUID.randomUUID(), CNY, kind, "container test"));
    }

    private static PostEntry move(AccountView from, AccountView to, long amount) {
        return new PostEntry("container test", List.of(new PostingLine(from.id(), CNY, -amount),
            new PostingLine(to.id(), CNY, amount)), "party:container-tests");
    }

    private static String key() {
        return "container-" + UUID.randomUUID();
    }

    private long entries(UUID id) {
        return Sql.count(ds, "select count(*) from ledger.journal_entry where id = ?", id);
    }

    private long auditRecords(UUID entryId, long auditId) {
        return Sql.count(ds, "select count(*) from ledger.audit_entry where id = ? or subject = ?",
            auditId, "ledger-entry:" + entryId);
    }

    /** Audit records whose payload names the account: its opening, and every entry that posts to it. */
    private long auditRecordsNaming(AccountView account) {
        return Sql.count(ds, "select count(*) from ledger.audit_entry where canonical like ?",
            "%" + account.id() + "%");
    }

    private long balance(AccountView account) {
        return Sql.count(ds, "select balance from ledger.account where id = ?", account.id());
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !out.contains(c); c = c.getCause()) {
            out.add(c);
        }
        return out;
    }

    /** One caller: integrate until nothing is pending, whoever does it; returns how many this caller appended. */
    private int drain() {
        int mine = 0;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (pending() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("still " + pending() + " pending after 30 s");
            }
            mine += integrator.integrateBatch();
        }
        return mine;
    }

    private int integrateAll() {
        return drain();
    }

    private void record(int n, String subject) throws Exception {
        tx.begin();
        try {
            for (int i = 0; i < n; i++) {
                audit.record("container-test.recorded", subject + "-" + i, Map.of("i", i));
            }
            tx.commit();
        } catch (Exception | Error e) {
            if (tx.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
                tx.rollback();
            }
            throw e;
        }
    }

    private long pending() {
        return Sql.count(ds, "select count(*) from ledger.audit_pending");
    }

    private long leaves() {
        return Sql.count(ds, "select count(*) from ledger.audit_leaf");
    }
}
