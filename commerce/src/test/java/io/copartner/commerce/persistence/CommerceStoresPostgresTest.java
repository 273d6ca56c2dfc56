package io.copartner.commerce.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.commerce.api.NewProduct;
import io.copartner.commerce.api.Price;
import io.copartner.commerce.api.ProductChange;
import io.copartner.commerce.domain.Gtin;
import io.copartner.commerce.domain.ListingStatus;
import io.copartner.commerce.domain.Product;
import io.copartner.commerce.domain.ProductContent;
import io.copartner.commerce.domain.ProductVersion;
import io.copartner.commerce.domain.TopUp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commerce migration and the stores' SQL on a real PostgreSQL: versions are append-only (the database itself
 * refuses an update), the GTIN is unique, browse hides what it must and pages by cursor, a provider event is
 * accepted once.
 */
class CommerceStoresPostgresTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00.123456Z");

    static EmbeddedPostgres pg;
    static DataSource db;
    static CatalogueStore catalogue;
    static WalletStore wallets;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("pg-data"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run")).toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        db = pg.getPostgresDatabase();
        Flyway.configure(CommerceStoresPostgresTest.class.getClassLoader())
            .dataSource(db).schemas("commerce").createSchemas(true)
            .locations("classpath:db/migration/commerce").load().migrate();
        catalogue = new CatalogueStore(db);
        wallets = new WalletStore(db);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    static String gtin() {
        String first13 = "0" + String.format("%012d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(),
            1_000_000_000_000L));
        return first13 + Gtin.checkDigit(first13);
    }

    static Product add(String merchant, String name, String category, ListingStatus status, long cny) {
        UUID id = UUID.randomUUID();
        Product p = new Product(id, 0, merchant, "did:web:shop.example:" + merchant, new Gtin(gtin()), category,
            status, false, 1, T0, status == ListingStatus.LIVE ? T0 : null, null, 5L);
        ProductContent c = ProductContent.of(new NewProduct(p.gtin().value(), name, "d", category, List.of(), 5L,
            List.of(new Price("CNY", cny))), category);
        assertTrue(catalogue.insert(p, c));
        catalogue.addVersion(new ProductVersion(id, 1, c, List.of("created"), T0, "party:m", 1));
        return catalogue.find(id).orElseThrow();
    }

    @Test
    void versionsAreAppendOnlyAndTheProductFollowsTheLatest() throws SQLException {
        Product p = add("m-versions", "Tea", "tea", ListingStatus.LIVE, 100);
        ProductContent v1 = catalogue.version(p.id(), 1).orElseThrow().content();
        ProductContent v2 = v1.with(new ProductChange(1, null, "New text", null, null, List.of(new Price("USD", 9L))));
        catalogue.addVersion(new ProductVersion(p.id(), 2, v2, v2.changedFrom(v1), T0.plusSeconds(1), "party:m", 2));
        List<ProductVersion> versions = catalogue.versions(p.id());
        assertEquals(List.of(1, 2), versions.stream().map(ProductVersion::version).toList());
        assertEquals(List.of("description", "prices"), versions.get(1).changed());
        assertEquals(v1, versions.get(0).content(), "version 1 reads back exactly as written");
        assertEquals(T0, versions.get(0).createdAt(), "microseconds survive");
        assertEquals(2, catalogue.find(p.id()).orElseThrow().currentVersion());
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                "update commerce.product_version set description = 'rewritten' where product_id = '" + p.id() + "'"));
            assertTrue(e.getMessage().contains("immutable"), e.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate(
                "delete from commerce.product_version where product_id = '" + p.id() + "'"));
        }
        // The USD-only price is current: a CNY range no longer finds it, a USD one does.
        assertTrue(catalogue.search(filter(null, null, "m-versions", "CNY", null, null)).isEmpty());
        assertEquals(1, catalogue.search(filter(null, null, "m-versions", "USD", 9L, 9L)).size());
    }

    @Test
    void aGtinIsUnique() {
        Product p = add("m-gtin", "Tea", "tea", ListingStatus.LIVE, 100);
        Product copy = new Product(UUID.randomUUID(), 0, "m-other", "did:web:x", p.gtin(), "tea", ListingStatus.LIVE,
            false, 1, T0, T0, null, 5L);
        assertFalse(catalogue.insert(copy, catalogue.version(p.id(), 1).orElseThrow().content()));
        assertTrue(catalogue.find(copy.id()).isEmpty());
    }

    @Test
    void browseShowsOnlyLiveProductsOfUnsuspendedMerchantsFilteredAndPaged() {
        String m = "m-browse-" + UUID.randomUUID();
        Product a = add(m, "Green 50% tea", "tea", ListingStatus.LIVE, 100);
        Product b = add(m, "Black tea", "tea", ListingStatus.LIVE, 300);
        Product waiting = add(m, "Rice wine", "alcohol", ListingStatus.AWAITING_APPROVAL, 200);
        Product honey = add(m, "Honey", "honey", ListingStatus.LIVE, 200);
        assertEquals(List.of(a.id(), b.id(), honey.id()), ids(filter(null, null, m, null, null, null)));
        assertEquals(List.of(a.id()), ids(filter("50%", null, m, null, null, null)), "% is a character, not a pattern");
        assertEquals(List.of(), ids(filter("_", null, m, null, null, null)));
        assertEquals(List.of(a.id(), b.id()), ids(filter("TEA", "tea", m, null, null, null)));
        assertEquals(List.of(b.id(), honey.id()), ids(filter(null, null, m, "CNY", 150L, null)));
        assertEquals(List.of(honey.id()), ids(filter(null, null, m, "CNY", 150L, 250L)));
        List<Product> page = catalogue.search(new CatalogueStore.Filter(null, null, m, null, null, null, a.seq(), 1));
        assertEquals(List.of(b.id()), page.stream().map(Product::id).toList());

        assertEquals(4, catalogue.setMerchantSuspended(m, true));
        assertEquals(0, catalogue.setMerchantSuspended(m, true), "already hidden: nothing changes");
        assertEquals(List.of(), ids(filter(null, null, m, null, null, null)));
        assertEquals(4, catalogue.setMerchantSuspended(m, false));

        catalogue.list(waiting.id(), UUID.randomUUID(), T0.plusSeconds(5));
        Product listed = catalogue.find(waiting.id()).orElseThrow();
        assertEquals(ListingStatus.LIVE, listed.status());
        assertEquals(T0.plusSeconds(5), listed.listedAt());
        assertEquals(List.of(a.id(), b.id(), waiting.id(), honey.id()), ids(filter(null, null, m, null, null, null)));
        assertEquals(4, catalogue.currentVersions(catalogue.search(filter(null, null, m, null, null, null))).size());
    }

    @Test
    void aMerchantsOwnListHasEveryStateAndSuspensionPagedBySeq() {
        String m = "m-own-" + UUID.randomUUID();
        Product live = add(m, "Green tea", "tea", ListingStatus.LIVE, 100);
        Product waiting = add(m, "Rice wine", "alcohol", ListingStatus.AWAITING_APPROVAL, 200);
        add("m-other-" + UUID.randomUUID(), "Not mine", "tea", ListingStatus.LIVE, 100);
        assertEquals(List.of(live.id(), waiting.id()), catalogue.ofMerchant(m, 0, 10).stream().map(Product::id).toList());
        assertEquals(List.of(waiting.id()), catalogue.ofMerchant(m, live.seq(), 10).stream().map(Product::id).toList());
        assertEquals(List.of(live.id()), catalogue.ofMerchant(m, 0, 1).stream().map(Product::id).toList());
        catalogue.setMerchantSuspended(m, true);
        assertEquals(2, catalogue.ofMerchant(m, 0, 10).size(), "its own console still lists a suspended merchant's products");
    }

    @Test
    void aProviderEventIsAcceptedOnceAndATopUpCompletesOnce() {
        UUID id = UUID.randomUUID();
        wallets.insert(new TopUp(id, "party:p1", "CNY", 500, "sandbox", TopUp.PENDING, T0, null, null, null, 7));
        assertTrue(wallets.acceptEvent("sandbox", "evt_1", id, T0));
        assertFalse(wallets.acceptEvent("sandbox", "evt_1", id, T0), "a replayed event id");
        assertTrue(wallets.eventSeen("sandbox", "evt_1"));
        assertTrue(wallets.acceptEvent("other", "evt_1", id, T0), "event ids are per provider");
        UUID entry = UUID.randomUUID();
        wallets.complete(id, "evt_1", entry, T0.plusSeconds(1));
        wallets.complete(id, "evt_2", UUID.randomUUID(), T0.plusSeconds(2));
        TopUp t = wallets.find(id).orElseThrow();
        assertEquals(TopUp.COMPLETED, t.status());
        assertEquals(entry, t.ledgerEntryId(), "a completed top-up is never completed again");
        assertEquals("evt_1", t.providerEventId());

        UUID account = UUID.randomUUID();
        wallets.lockWallet("party:p1", "CNY");
        wallets.addWallet("party:p1", "CNY", account, T0);
        assertEquals(account, wallets.walletAccount("party:p1", "CNY").orElseThrow());
        assertTrue(wallets.walletAccount("party:p1", "USD").isEmpty());
        assertEquals(1, wallets.wallets("party:p1").size());
    }

    static CatalogueStore.Filter filter(String q, String category, String merchant, String currency, Long min,
                                        Long max) {
        return new CatalogueStore.Filter(q, category, merchant, currency, min, max, 0, 100);
    }

    static List<UUID> ids(CatalogueStore.Filter f) {
        return catalogue.search(f).stream().map(Product::id).toList();
    }
}
