package io.copartner.economy.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.economy.api.Points.Movement;
import io.copartner.economy.points.PointsStore.LotRow;
import io.copartner.economy.points.PointsStore.Withheld;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V4__points.sql and the points store on a real PostgreSQL (autocommit; the service runs them in one JTA
 * transaction): a grant happens once, open lots come first-to-expire first, the expiry job finds due lots only,
 * withheld rewards are taken once, lifetime adds up, period movements are selected by [start, end).
 */
class PointsStorePostgresTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00.123456Z");

    static EmbeddedPostgres pg;
    static PointsStore store;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("pg-data-points"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run-points"))
                .toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        DataSource db = pg.getPostgresDatabase();
        Flyway.configure(PointsStorePostgresTest.class.getClassLoader())
            .dataSource(db).schemas("economy").createSchemas(true)
            .locations("classpath:db/migration/economy").load().migrate();
        store = new PointsStore(db);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    static LotRow lot(String holder, String brand, String source, long n, Instant expires) {
        return new LotRow(UUID.randomUUID(), holder, brand, "PURCHASE", source, n, n, T0, expires);
    }

    @Test
    void aGrantHappensOnceAndLotsAreFirstToExpireFirst() {
        String holder = "party:" + UUID.randomUUID();
        LotRow late = lot(holder, "brand-a", "o1", 50, T0.plus(Duration.ofDays(30)));
        LotRow early = lot(holder, "brand-a", "o2", 30, T0.plus(Duration.ofDays(10)));
        assertTrue(store.addLot(late, UUID.randomUUID()));
        assertTrue(store.addLot(early, UUID.randomUUID()));
        assertFalse(store.addLot(lot(holder, "brand-a", "o1", 50, T0), UUID.randomUUID()), "once per source");
        assertTrue(store.granted("PURCHASE", "o1", holder, "brand-a"));
        List<LotRow> open = store.openLots(holder, "brand-a", T0);
        assertEquals(List.of(early.id(), late.id()), open.stream().map(LotRow::id).toList());
        store.setRemaining(early.id(), 0);
        assertEquals(List.of(late.id()), store.openLots(holder, "brand-a", T0).stream().map(LotRow::id).toList());
        assertEquals(List.of(), store.openLots(holder, "brand-a", T0.plus(Duration.ofDays(31))), "expired lots are not spendable");
    }

    @Test
    void theExpiryJobFindsOnlyDueLotsWithPointsLeft() {
        String holder = "party:" + UUID.randomUUID();
        LotRow due = lot(holder, "brand-b", "o3", 10, T0.minusSeconds(1));
        store.addLot(due, UUID.randomUUID());
        store.addLot(lot(holder, "brand-b", "o4", 10, T0.plusSeconds(3600)), UUID.randomUUID());
        LotRow found = store.lockNextDue(T0).orElseThrow();
        assertTrue(!found.expiresAt().isAfter(T0));
        store.setRemaining(due.id(), 0);
        assertTrue(store.lockNextDue(T0.minusSeconds(3600 * 24 * 400)).isEmpty());
    }

    @Test
    void withheldRewardsAreTakenOnceAndLifetimeAddsUp() {
        UUID order = UUID.randomUUID();
        String holder = "party:" + UUID.randomUUID();
        store.withhold(new Withheld("PURCHASE", order.toString(), holder, "brand-c", 42), order, T0);
        store.withhold(new Withheld("PURCHASE", order.toString(), holder, "brand-c", 42), order, T0);
        assertEquals(1, store.takeWithheld(order).size());
        assertEquals(0, store.takeWithheld(order).size());
        store.addLifetime(holder, "brand-c", 40);
        store.addLifetime(holder, "brand-c", 2);
        assertEquals(42, store.lifetime(holder, "brand-c"));
    }

    @Test
    void periodMovementsAreSelectedByHalfOpenInterval() {
        String holder = "party:" + UUID.randomUUID();
        store.addMovement(holder, "brand-d", new Movement("EARN", 5, "PURCHASE", "o5", T0, UUID.randomUUID(), 1));
        store.addMovement(holder, "brand-d", new Movement("EXPIRE", -5, "PURCHASE", "l1", T0.plusSeconds(60),
            UUID.randomUUID(), 2));
        long inFirst = store.movementsBetween(T0, T0.plusSeconds(60)).stream().filter(r -> r.brand().equals("brand-d"))
            .count();
        assertEquals(1, inFirst);
        assertEquals(2, store.history(holder, "brand-d", 10).size());
    }
}
