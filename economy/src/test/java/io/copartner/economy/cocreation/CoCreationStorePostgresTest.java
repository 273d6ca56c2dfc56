package io.copartner.economy.cocreation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V6__cocreation.sql and the co-creation store on a real PostgreSQL (autocommit; the service runs them in one JTA
 * transaction): a product's co-creators are recorded once and read in the proposal's order; a line is frozen, then
 * accrued (the check keeps accrued + clawed back = pending) or voided; payouts are listed per period and party.
 */
class CoCreationStorePostgresTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00.123456Z");
    static final String PERIOD = "20261202T100000Z";

    static EmbeddedPostgres pg;
    static CoCreationStore store;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("pg-data-cocreation"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run-cocreation"))
                .toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        DataSource db = pg.getPostgresDatabase();
        Flyway.configure(CoCreationStorePostgresTest.class.getClassLoader())
            .dataSource(db).schemas("economy").createSchemas(true)
            .locations("classpath:db/migration/economy").load().migrate();
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("insert into economy.settlement_period (id, start_at, end_at) values ('"
                + PERIOD + "', '2026-12-02T10:00:00Z', '2026-12-02T10:00:30Z')");
        }
        store = new CoCreationStore(db);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void coCreatorsAccrualsAndPayouts() {
        UUID product = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        assertTrue(store.addProduct(product, proposal, "m-1", T0, 10));
        assertFalse(store.addProduct(product, proposal, "m-1", T0, 11), "recorded once");
        store.addShare(new CoCreationStore.Share(product, 0, "did:key:zA", "party:a", 7000));
        store.addShare(new CoCreationStore.Share(product, 1, "did:key:zB", "party:b", 3000));
        assertEquals(List.of("party:a", "party:b"), store.shares(product).stream().map(CoCreationStore.Share::party)
            .toList());
        assertEquals(Optional.of(proposal), store.proposalOf(product));
        assertEquals(List.of(), store.shares(UUID.randomUUID()));

        UUID order = UUID.randomUUID();
        store.insertLine(new CoCreationStore.Line(order, 1, product, "CNY", 1, 500, 10000, 9999, 499, 0, 0, "PENDING",
            null, null));
        store.insertLine(new CoCreationStore.Line(order, 1, product, "CNY", 1, 500, 10000, 9999, 499, 0, 0, "PENDING",
            null, null));
        List<CoCreationStore.Line> pending = store.lockPending(order);
        assertEquals(1, pending.size(), "a line once");
        assertThrows(RuntimeException.class, () -> store.accrue(order, 1, 333, 1, PERIOD, null, 20),
            "accrued + clawed back must be pending");
        store.accrue(order, 1, 333, 166, PERIOD, UUID.randomUUID(), 20);
        assertEquals(List.of(), store.lockPending(order));
        CoCreationStore.Line accrued = store.accrued(PERIOD).get(0);
        assertEquals(333, accrued.accrued());
        assertEquals(166, accrued.clawedBack());
        assertEquals(20L, accrued.auditEntry());
        assertEquals(List.of(PERIOD), store.periodsOf("party:a"));
        assertEquals(List.of(product), store.accruingProductsOf("party:b", PERIOD));

        UUID canceled = UUID.randomUUID();
        store.insertLine(new CoCreationStore.Line(canceled, 1, product, "CNY", 1, 500, 10000, 100, 5, 0, 0, "PENDING",
            null, null));
        assertEquals(1, store.voidPending(canceled));
        assertEquals(0, store.voidPending(canceled));

        assertFalse(store.hasPayouts(PERIOD));
        UUID entry = UUID.randomUUID();
        store.addPayout(CoCreationStore.Payout.paid(UUID.randomUUID(), PERIOD, product, "CNY",
            new CoCreationStore.Share(product, 0, "did:key:zA", "party:a", 7000), 333, 233, entry, 30), T0);
        store.addPayout(CoCreationStore.Payout.paid(UUID.randomUUID(), PERIOD, product, "CNY",
            new CoCreationStore.Share(product, 1, "did:key:zB", "party:b", 3000), 333, 100, entry, 31), T0);
        assertTrue(store.hasPayouts(PERIOD));
        assertEquals(333, store.payouts(PERIOD).stream().mapToLong(CoCreationStore.Payout::amount).sum());
        CoCreationStore.Payout mine = store.payoutsOf("party:b", PERIOD).get(0);
        assertEquals(100, mine.amount());
        assertEquals(proposal, mine.proposal());
        assertEquals(List.of(PERIOD), store.periodsOf("party:b"));

        // A held payout: no ledger entry, no paid_at, until the second approval marks it paid (once).
        UUID held = UUID.randomUUID();
        store.addPayout(CoCreationStore.Payout.held(held, PERIOD, product, "CNY",
            new CoCreationStore.Share(product, 0, "did:key:zA", "party:a", 7000), 90_000, 63_000, 40), T0);
        assertEquals(List.of(held), store.awaiting(PERIOD).stream().map(CoCreationStore.Payout::id).toList());
        CoCreationStore.Payout h = store.lockPayout(held).orElseThrow();
        assertEquals("AWAITING_APPROVAL", h.status());
        assertEquals(40L, h.heldEntry());
        assertEquals(null, h.ledgerEntry());
        store.approve(held, "party:admin-1", null);
        assertEquals("party:admin-1", store.lockPayout(held).orElseThrow().firstApprover());
        store.approve(held, "party:admin-1", "party:admin-2");
        UUID paidBy = UUID.randomUUID();
        store.markPaid(held, paidBy, 41, T0);
        store.markPaid(held, UUID.randomUUID(), 42, T0);
        CoCreationStore.Payout paid = store.lockPayout(held).orElseThrow();
        assertEquals("PAID", paid.status());
        assertEquals(paidBy, paid.ledgerEntry());
        assertEquals(41L, paid.auditEntry());
        assertEquals("party:admin-2", paid.secondApprover());
        assertTrue(store.awaiting(PERIOD).isEmpty());
        assertEquals(Optional.empty(), store.lockPayout(UUID.randomUUID()));

        assertEquals(Optional.empty(), store.account("CNY"));
        UUID account = UUID.randomUUID();
        store.lockKey("cocreation-account:CNY");
        store.insertAccount("CNY", account);
        assertEquals(Optional.of(account), store.account("CNY"));
    }
}
