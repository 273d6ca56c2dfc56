package io.copartner.commerce.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.commerce.trace.Epc;
import io.copartner.commerce.trace.SubjectState;
import io.copartner.kernel.jdbc.Jdbc;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * V4__traceability.sql and TraceStore's SQL on a real PostgreSQL: an item's events include its logistic unit's while
 * it is inside, stored events cannot be changed, one authorisation in force per product and DID.
 */
class TraceStorePostgresTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static EmbeddedPostgres pg;
    static DataSource db;
    static TraceStore store;
    static UUID product = UUID.randomUUID();

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("pg-data-trace"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run")).toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        db = pg.getPostgresDatabase();
        Flyway.configure(TraceStorePostgresTest.class.getClassLoader())
            .dataSource(db).schemas("commerce").createSchemas(true)
            .locations("classpath:db/migration/commerce").load().migrate();
        store = new TraceStore(db);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into commerce.product (id, merchant_id, merchant_did, gtin, category, status, "
                + "current_version, name, stock, created_at) values ('" + product + "', 'm-1', 'did:web:x:merchants:m-1', "
                + "'04012345999990', 'tea', 'AWAITING_APPROVAL', 1, 'Tea', 1, now())");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    static long event(String id, int minute, String... epcs) {
        long seq = store.insertEvent(new TraceStore.NewEvent(id, "ObjectEvent", T0.plusSeconds(60L * minute), T0,
            "did:web:x:merchants:m-1", "did:web:x:merchants:m-1#key-1", "EdDSA", UUID.randomUUID(),
            "{\"eventID\":\"" + id + "\"}", 7));
        for (String epc : epcs) {
            store.insertEpc(seq, epc, "epcList", null);
        }
        return seq;
    }

    @Test
    void anItemsEventsIncludeItsLogisticUnitsWhileItIsInside() {
        String item = Epc.item("04012345999990", "A1").key();
        String unit = "https://id.gs1.org/00/106141412345678908";
        event("e1", 1, item);
        event("u0", 2, unit); // before the item was packed
        long add = event("e2", 3, item, unit);
        store.aggregate(item, unit, add);
        event("u1", 4, unit);
        long remove = event("e3", 5, unit);
        store.disaggregate(item, unit, remove);
        event("u2", 6, unit); // after it was taken out
        assertEquals(List.of("e1", "e2", "u1", "e3"), store.eventsOf(item).stream().map(TraceStore.StoredEvent::eventId).toList());
        assertEquals(1, store.aggregationsOf(item).size());
        assertTrue(store.eventExists("u2"));
        assertFalse(store.eventExists("nope"));
    }

    @Test
    void storedEventsCannotBeChanged() {
        event("immutable", 9);
        assertThrows(IllegalStateException.class, () -> new Jdbc(db).update(
            "update commerce.epcis_event set stored = '{}' where event_id = 'immutable'", ps -> { }));
        assertThrows(IllegalStateException.class, () -> new Jdbc(db).update(
            "delete from commerce.epcis_event where event_id = 'immutable'", ps -> { }));
    }

    @Test
    void oneAuthorisationInForcePerProductAndDid() {
        assertEquals("Tea", store.productByGtin("04012345999990").orElseThrow().name());
        assertTrue(store.authorise(product, "did:key:z6Mk1", "farm", T0, "party:m", 1));
        assertFalse(store.authorise(product, "did:key:z6Mk1", "farm", T0, "party:m", 2));
        assertTrue(store.activeParty(product, "did:key:z6Mk1").isPresent());
        assertTrue(store.end(product, "did:key:z6Mk1", T0.plusSeconds(1), "party:m"));
        assertTrue(store.activeParty(product, "did:key:z6Mk1").isEmpty());
        assertTrue(store.authorise(product, "did:key:z6Mk1", "carrier", T0.plusSeconds(2), "party:m", 3));
        assertEquals(List.of("farm", "carrier"), store.parties(product).stream().map(TraceStore.Party::role).toList());
    }

    @Test
    void subjectsRememberStateAndContents() {
        String unit = "https://id.gs1.org/00/106141412345678915";
        String item = Epc.item("04012345999990", "B2").key();
        store.saveSubject(new SubjectState(unit, Epc.Kind.SSCC, null, false, false, T0, null));
        store.saveSubject(new SubjectState(item, Epc.Kind.ITEM, product, true, false, T0, unit));
        assertEquals(List.of(item), store.contents(unit).stream().map(SubjectState::key).toList());
        store.saveSubject(store.subject(item).orElseThrow().inside(null).after(T0.plusSeconds(5), false, true));
        SubjectState s = store.subject(item).orElseThrow();
        assertTrue(s.decommissioned() && s.commissioned());
        assertEquals(T0.plusSeconds(5), s.latestEventTime());
        assertEquals(List.of(), store.contentsUnlocked(unit));
    }
}
