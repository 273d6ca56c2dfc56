package io.copartner.commerce.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.commerce.api.NewProduct;
import io.copartner.commerce.api.Price;
import io.copartner.commerce.domain.Gtin;
import io.copartner.commerce.domain.ListingStatus;
import io.copartner.commerce.domain.Order;
import io.copartner.commerce.domain.OrderLine;
import io.copartner.commerce.domain.OrderStatus;
import io.copartner.commerce.domain.Product;
import io.copartner.commerce.domain.ProductContent;
import io.copartner.commerce.domain.ProductVersion;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 * The order and review migrations (V2, V3) and their stores' SQL on a real PostgreSQL: stock never goes below zero,
 * due orders are found for the scheduler, contributions sum per buyer, reviews are once per line and immutable.
 */
class OrderStoresPostgresTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00.123456Z");

    static EmbeddedPostgres pg;
    static DataSource db;
    static CatalogueStore catalogue;
    static OrderStore orders;
    static ReviewStore reviews;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        pg = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(target.resolve("embedded-pg")).toFile())
            .setDataDirectory(target.resolve("pg-data-orders"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", Files.createDirectories(target.resolve("pg-run-orders"))
                .toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
        db = pg.getPostgresDatabase();
        Flyway.configure(OrderStoresPostgresTest.class.getClassLoader())
            .dataSource(db).schemas("commerce").createSchemas(true)
            .locations("classpath:db/migration/commerce").load().migrate();
        catalogue = new CatalogueStore(db);
        orders = new OrderStore(db);
        reviews = new ReviewStore(db);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    static UUID product(long stock) {
        UUID id = UUID.randomUUID();
        String first13 = "0" + String.format("%012d", Math.floorMod(id.getMostSignificantBits(), 1_000_000_000_000L));
        Product p = new Product(id, 0, "m-1", "did:web:shop.example:m-1", new Gtin(first13 + Gtin.checkDigit(first13)),
            "tea", ListingStatus.LIVE, false, 1, T0, T0, null, stock);
        ProductContent c = ProductContent.of(new NewProduct(p.gtin().value(), "Tea", "d", "tea", List.of(), stock,
            List.of(new Price("CNY", 100L))), "tea");
        assertTrue(catalogue.insert(p, c));
        catalogue.addVersion(new ProductVersion(id, 1, c, List.of("created"), T0, "party:m", 1));
        return id;
    }

    static Order order(String buyer, UUID productId, long total) {
        UUID checkout = UUID.randomUUID();
        orders.insertCheckout(checkout, buyer, "CNY", total, UUID.randomUUID(), UUID.randomUUID(), T0, T0);
        Order o = new Order(UUID.randomUUID(), 0, checkout, buyer, "m-1", "did:web:shop.example:m-1", "CNY", total, 0,
            OrderStatus.PAID, 1, 500, 1000, UUID.randomUUID(), UUID.randomUUID(), null, null, T0, T0, null, null, null,
            null, null, UUID.randomUUID(), null, null);
        orders.insertOrder(o);
        orders.insertLine(new OrderLine(o.id(), 1, productId, 1, "Tea", total, 1, 0));
        orders.addStep(o.id(), OrderStatus.PLACED, buyer, "buyer", T0, 10);
        orders.addStep(o.id(), OrderStatus.PAID, buyer, "buyer", T0, 11);
        return o;
    }

    @Test
    void stockIsTakenOnlyWhileItLasts() {
        UUID p = product(2);
        assertTrue(orders.takeStock(p, 2));
        assertFalse(orders.takeStock(p, 1), "no unit left");
        assertEquals(0, orders.stock(p));
        orders.returnStock(p, 1);
        assertTrue(orders.takeStock(p, 1));
        assertTrue(orders.productExists(p));
        assertFalse(orders.productExists(UUID.randomUUID()));
    }

    @Test
    void anOrderItsLinesAndFirstStepsAreWrittenInOneGo() {
        UUID p = product(5);
        UUID q = product(5);
        UUID checkout = UUID.randomUUID();
        orders.insertCheckout(checkout, "party:one-go", "CNY", 300, UUID.randomUUID(), UUID.randomUUID(), T0, T0);
        Order o = new Order(UUID.randomUUID(), 0, checkout, "party:one-go", "m-1", "did:web:shop.example:m-1", "CNY",
            300, 0, OrderStatus.PAID, 1, 500, 1000, UUID.randomUUID(), UUID.randomUUID(), null, null, T0, T0, null,
            null, null, null, null, UUID.randomUUID(), null, null);
        orders.insertPlaced(o, List.of(new OrderLine(o.id(), 1, p, 1, "Tea", 100, 1, 0),
            new OrderLine(o.id(), 2, q, 1, "Pu'er", 100, 2, 0)), List.of(
            new OrderStore.Step(1, "PLACED", "party:one-go", "buyer", T0, 20),
            new OrderStore.Step(2, "PAID", "party:one-go", "buyer", T0, 21)));
        Order read = orders.ofCheckout(checkout).get(0);
        assertEquals(o.id(), read.id());
        assertEquals(o.paymentEntryId(), read.paymentEntryId());
        assertEquals(T0, read.placedAt());
        assertEquals(List.of("Tea", "Pu'er"), orders.lines(o.id()).stream().map(OrderLine::name).toList());
        assertEquals(300, orders.lines(o.id()).stream().mapToLong(OrderLine::amount).sum());
        assertEquals(List.of(new OrderStore.Step(1, "PLACED", "party:one-go", "buyer", T0, 20),
            new OrderStore.Step(2, "PAID", "party:one-go", "buyer", T0, 21)), orders.steps(o.id()));
        // A later step numbers on from the ones written together.
        orders.addStep(o.id(), OrderStatus.SHIPPED, "party:m", "merchant", T0, 22);
        assertEquals(List.of(1, 2, 3), orders.steps(o.id()).stream().map(OrderStore.Step::stepNo).toList());
    }

    @Test
    void stepsAreNumberedAndDueOrdersAreFound() {
        UUID p = product(5);
        Order o = order("party:due", p, 100);
        assertEquals(List.of(1, 2), orders.steps(o.id()).stream().map(OrderStore.Step::stepNo).toList());
        orders.ship(o.id(), "SF", "SF1", T0, T0.plusSeconds(10));
        assertTrue(orders.lockNextDue(T0.plusSeconds(9)).filter(x -> x.id().equals(o.id())).isEmpty());
        assertEquals(o.id(), orders.lockNextDue(T0.plusSeconds(10)).orElseThrow().id());
        orders.deliver(o.id(), T0.plusSeconds(10), T0.plusSeconds(20));
        assertTrue(orders.reviewable(o.id(), 1, "party:due"));
        assertFalse(orders.reviewable(o.id(), 1, "party:other"));
        assertEquals(OrderStatus.DELIVERED, orders.lockNextDue(T0.plusSeconds(20)).orElseThrow().status());
        orders.settle(o.id(), OrderStatus.COMPLETED, T0.plusSeconds(20), UUID.randomUUID(), null, 0, 100);
        assertTrue(orders.lockNextDue(T0.plusSeconds(99)).filter(x -> x.id().equals(o.id())).isEmpty());
        assertEquals(100L, orders.keptBy(List.of("party:due"), "CNY", T0, T0.plusSeconds(21)).get("party:due"));
        assertTrue(orders.keptBy(List.of("party:due"), "CNY", T0, T0.plusSeconds(20)).isEmpty(), "[from, to)");
        assertEquals(100L, orders.paidBy(List.of("party:due"), "CNY", T0, T0.plusSeconds(1)).get("party:due"));
    }

    @Test
    void aReviewIsOncePerLineAndOnlyItsReplyAndModerationAreAdded() throws SQLException {
        UUID p = product(5);
        Order o = order("party:reviewer", p, 100);
        UUID id = UUID.randomUUID();
        ReviewStore.Row row = new ReviewStore.Row(id, 0, o.id(), 1, p, "m-1", "party:reviewer", 5, "Good", "a".repeat(64),
            T0, 20, null, null, null, null);
        assertTrue(reviews.insert(row));
        assertFalse(reviews.insert(new ReviewStore.Row(UUID.randomUUID(), 0, o.id(), 1, p, "m-1", "party:reviewer", 1,
            "Bad", "b".repeat(64), T0, 21, null, null, null, null)), "one review per line");
        assertTrue(reviews.reply(id, "Thanks", T0, 22));
        assertFalse(reviews.reply(id, "Again", T0, 23));
        assertTrue(reviews.hide(id, "spam", T0, 24));
        assertFalse(reviews.hide(id, "twice", T0, 25));
        assertEquals(1, reviews.page(p, Long.MAX_VALUE, 10).size());
        assertEquals(1, reviews.stats(p)[0]);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                "update commerce.review set rating = 1 where id = '" + id + "'"));
            assertTrue(e.getMessage().contains("immutable"), e.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate(
                "update commerce.review set hidden_reason = null where id = '" + id + "'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from commerce.review where id = '" + id + "'"));
        }
    }
}
