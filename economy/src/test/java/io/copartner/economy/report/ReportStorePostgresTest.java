package io.copartner.economy.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V12 on a real PostgreSQL: a report built before it and not signed yet becomes a skeleton and its sets (entry ids
 * exactly as they were inline, set k = proof k), a signed one keeps its text; sets round-trip as packed numbers and
 * a second signer changes nothing.
 */
class ReportStorePostgresTest {

    static EmbeddedPostgres pg;
    static DataSource db;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("pg-data-report"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run-report"))
                .toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        db = pg.getPostgresDatabase();
        flyway("11").migrate();
    }

    static Flyway flyway(String target) {
        return Flyway.configure(ReportStorePostgresTest.class.getClassLoader()).dataSource(db).schemas("economy")
            .createSchemas(true).locations("classpath:db/migration/economy").target(target).load();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsBuiltBeforeV12BecomeSkeletonsAndSetsAndTheNewOnesRoundTrip() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into economy.settlement_period (id, start_at, end_at, state) values "
                + "('20261201T000000Z', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', 'CLOSED'), "
                + "('20261202T000000Z', '2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z', 'CLOSED'), "
                + "('20261203T000000Z', '2026-12-03T00:00:00Z', '2026-12-04T00:00:00Z', 'CLOSED')");
            s.execute("insert into economy.transparency_report (period_id, body, audit_entry) values ('20261201T000000Z', "
                + "'{\"periodId\":\"20261201T000000Z\",\"proofs\":[{\"auditEntries\":[9007199254740991,3,17],"
                + "\"figure\":\"/byAsset/CNY/revenue\"},{\"auditEntries\":[],\"figure\":\"/payouts/count\"}]}', 40)");
            s.execute("insert into economy.transparency_report (period_id, body, audit_entry, report) values "
                + "('20261202T000000Z', '{\"proofs\":[{\"auditEntries\":[5],\"figure\":\"/payouts/count\"}]}', 41, "
                + "'{\"signed\":true}')");
        }
        flyway("latest").migrate();
        ReportStore store = new ReportStore(db);

        ReportStore.Row legacy = store.find("20261201T000000Z").orElseThrow();
        Map<String, Object> skeleton = ReportService.read(legacy.body());
        assertEquals(List.of(Map.of("figure", "/byAsset/CNY/revenue", "set", 0), Map.of("figure", "/payouts/count",
            "set", 1)), skeleton.get("proofs"));
        assertEquals("20261201T000000Z", skeleton.get("periodId"));
        assertEquals(List.of(0, 1), store.setNumbers(legacy.periodId()));
        assertArrayEquals(new long[] {9007199254740991L, 3, 17}, store.entryIds(legacy.periodId(), 0));
        assertArrayEquals(new long[0], store.entryIds(legacy.periodId(), 1));
        assertNull(store.leafIndexes(legacy.periodId(), 0));
        assertTrue(!legacy.signed());

        ReportStore.Row signedBefore = store.find("20261202T000000Z").orElseThrow();
        assertEquals("{\"signed\":true}", signedBefore.report());
        assertTrue(store.setNumbers(signedBefore.periodId()).isEmpty(), "a signed report keeps its whole text");

        long[] big = java.util.stream.LongStream.range(0, 100_000).map(i -> i * 7 + 1).toArray();
        store.add("20261203T000000Z", "{\"proofs\":[]}", 42, List.of(big, new long[] {1}));
        store.add("20261203T000000Z", "{\"other\":1}", 43, List.of(new long[] {2}));
        assertEquals("{\"proofs\":[]}", store.find("20261203T000000Z").orElseThrow().body(), "added once");
        assertArrayEquals(big, store.entryIds("20261203T000000Z", 0));
        store.putLeafIndexes("20261203T000000Z", 1, new long[] {10});
        store.putLeafIndexes("20261203T000000Z", 1, new long[] {11});
        assertArrayEquals(new long[] {10}, store.leafIndexes("20261203T000000Z", 1), "indexes are stored once");
        store.sign("20261203T000000Z", 77, "h..s", Instant.parse("2026-12-04T00:00:00Z"));
        store.sign("20261203T000000Z", 78, "h..t", Instant.parse("2026-12-04T00:00:01Z"));
        ReportStore.Row signed = store.find("20261203T000000Z").orElseThrow();
        assertEquals("h..s", signed.signature());
        assertEquals(77L, signed.auditIndex());
    }
}
