package io.copartner.economy.points;

import io.copartner.economy.api.Points.ExchangeQuote;
import io.copartner.economy.api.Points.Lot;
import io.copartner.economy.api.Points.Movement;
import io.copartner.economy.api.Points.PointsExchange;
import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The points tables (V4__points.sql), in the caller's transaction. */
@ApplicationScoped
public class PointsStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    public PointsStore() {
    }

    public PointsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** A lot as stored, with its holder and brand. */
    record LotRow(UUID id, String holder, String brand, String reason, String source, long granted, long remaining,
                  Instant earnedAt, Instant expiresAt) {
        Lot view() {
            return new Lot(id, reason, granted, remaining, earnedAt, expiresAt);
        }
    }

    /** A withheld reward. */
    record Withheld(String reason, String source, String holder, String brand, long amount) {
    }

    /** A quote with its holder and whether it was used. */
    record QuoteRow(ExchangeQuote quote, String holder, UUID exchangeId) {
    }

    // --- accounts ------------------------------------------------------------------------------------------------

    Optional<UUID> account(String owner, String brand, String role) {
        return jdbc().query("select account_id from economy.points_account where owner = ? and brand = ? and role = ?",
            ps -> {
                ps.setString(1, owner);
                ps.setString(2, brand);
                ps.setString(3, role);
            }, rs -> Jdbc.uuid(rs, "account_id")).stream().findFirst();
    }

    /** Serialises opening one account (until the transaction ends), so two requests never open two. */
    void lockAccount(String owner, String brand, String role) {
        jdbc().query("select pg_advisory_xact_lock(hashtextextended(?, 12))",
            ps -> ps.setString(1, owner + "|" + brand + "|" + role), rs -> 1);
    }

    void addAccount(String owner, String brand, String role, UUID accountId, Instant at) {
        jdbc().update("insert into economy.points_account (owner, brand, role, account_id, created_at) "
            + "values (?, ?, ?, ?, ?)", ps -> {
                ps.setString(1, owner);
                ps.setString(2, brand);
                ps.setString(3, role);
                ps.setObject(4, accountId);
                ps.setObject(5, Jdbc.ts(at));
            });
    }

    /** The accounts of a brand in one role (a role prefix such as {@code CLEARING>} matches every pair). */
    List<UUID> accountsOfBrand(String brand, String rolePrefix) {
        return jdbc().query("select account_id from economy.points_account where brand = ? and role like ? "
            + "order by created_at", ps -> {
                ps.setString(1, brand);
                ps.setString(2, rolePrefix.replace("%", "") + "%");
            }, rs -> Jdbc.uuid(rs, "account_id"));
    }

    /** The brands the holder has a points wallet of. */
    List<String> brandsOf(String holder) {
        return jdbc().query("select brand from economy.points_account where owner = ? and role = 'WALLET' "
            + "order by created_at, brand", ps -> ps.setString(1, holder), rs -> rs.getString("brand"));
    }

    // --- lots ----------------------------------------------------------------------------------------------------

    /** False when this (reason, source, holder, brand) was granted before: a grant happens once. */
    boolean addLot(LotRow l, UUID entryId) {
        return jdbc().update("insert into economy.points_lot (id, holder, brand, reason, source, granted, remaining, "
            + "earned_at, expires_at, entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (reason, source, holder, brand) do nothing", ps -> {
                ps.setObject(1, l.id());
                ps.setString(2, l.holder());
                ps.setString(3, l.brand());
                ps.setString(4, l.reason());
                ps.setString(5, l.source());
                ps.setLong(6, l.granted());
                ps.setLong(7, l.remaining());
                ps.setObject(8, Jdbc.ts(l.earnedAt()));
                ps.setObject(9, Jdbc.ts(l.expiresAt()));
                ps.setObject(10, entryId);
            }) == 1;
    }

    boolean granted(String reason, String source, String holder, String brand) {
        return !jdbc().query("select 1 from economy.points_lot where reason = ? and source = ? and holder = ? "
            + "and brand = ?", ps -> {
                ps.setString(1, reason);
                ps.setString(2, source);
                ps.setString(3, holder);
                ps.setString(4, brand);
            }, rs -> 1).isEmpty();
    }

    /** The holder's open lots of the brand, first to expire first, locked for spending. */
    List<LotRow> lockOpenLots(String holder, String brand, Instant now) {
        return jdbc().query("select * from economy.points_lot where holder = ? and brand = ? and remaining > 0 "
            + "and expires_at > ? order by expires_at, earned_at, id for update", ps -> {
                ps.setString(1, holder);
                ps.setString(2, brand);
                ps.setObject(3, Jdbc.ts(now));
            }, PointsStore::lot);
    }

    List<LotRow> openLots(String holder, String brand, Instant now) {
        return jdbc().query("select * from economy.points_lot where holder = ? and brand = ? and remaining > 0 "
            + "and expires_at > ? order by expires_at, earned_at, id", ps -> {
                ps.setString(1, holder);
                ps.setString(2, brand);
                ps.setObject(3, Jdbc.ts(now));
            }, PointsStore::lot);
    }

    void setRemaining(UUID lot, long remaining) {
        jdbc().update("update economy.points_lot set remaining = ? where id = ?", ps -> {
            ps.setLong(1, remaining);
            ps.setObject(2, lot);
        });
    }

    /** One lot past its expiry with points left, locked; another instance skips it (exactly-once expiry). */
    Optional<LotRow> lockNextDue(Instant now) {
        return jdbc().query("select * from economy.points_lot where remaining > 0 and expires_at <= ? "
            + "order by expires_at, id limit 1 for update skip locked", ps -> ps.setObject(1, Jdbc.ts(now)),
            PointsStore::lot).stream().findFirst();
    }

    private static LotRow lot(ResultSet rs) throws SQLException {
        return new LotRow(Jdbc.uuid(rs, "id"), rs.getString("holder"), rs.getString("brand"), rs.getString("reason"),
            rs.getString("source"), rs.getLong("granted"), rs.getLong("remaining"), Jdbc.instant(rs, "earned_at"),
            Jdbc.instant(rs, "expires_at"));
    }

    // --- movements and lifetime -----------------------------------------------------------------------------------

    void addMovement(String holder, String brand, Movement m) {
        jdbc().update("insert into economy.points_movement (id, holder, brand, kind, amount, reason, ref, at, "
            + "entry_id, audit_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, holder);
                ps.setString(3, brand);
                ps.setString(4, m.kind());
                ps.setLong(5, m.amount());
                ps.setString(6, m.reason());
                ps.setString(7, m.ref());
                ps.setObject(8, Jdbc.ts(m.at()));
                ps.setObject(9, m.entryId());
                ps.setLong(10, m.auditEntryId());
            });
    }

    List<Movement> history(String holder, String brand, int limit) {
        return jdbc().query("select * from economy.points_movement where holder = ? and brand = ? "
            + "order by at desc, id limit ?", ps -> {
                ps.setString(1, holder);
                ps.setString(2, brand);
                ps.setInt(3, limit);
            }, PointsStore::movement);
    }

    /** Movements of every holder with {@code at} in {@code [start, end)}, oldest first (the period's figures). */
    List<FigureRow> movementsBetween(Instant start, Instant end) {
        return jdbc().query("select brand, kind, amount, entry_id, audit_entry_id from economy.points_movement "
            + "where at >= ? and at < ? order by at, id", ps -> {
                ps.setObject(1, Jdbc.ts(start));
                ps.setObject(2, Jdbc.ts(end));
            }, rs -> new FigureRow(rs.getString("brand"), rs.getString("kind"), rs.getLong("amount"),
                Jdbc.uuid(rs, "entry_id"), rs.getLong("audit_entry_id")));
    }

    record FigureRow(String brand, String kind, long amount, UUID entryId, long auditEntryId) {
    }

    private static Movement movement(ResultSet rs) throws SQLException {
        return new Movement(rs.getString("kind"), rs.getLong("amount"), rs.getString("reason"), rs.getString("ref"),
            Jdbc.instant(rs, "at"), Jdbc.uuid(rs, "entry_id"), rs.getLong("audit_entry_id"));
    }

    void addLifetime(String holder, String brand, long amount) {
        jdbc().update("insert into economy.points_lifetime (holder, brand, lifetime) values (?, ?, ?) "
            + "on conflict (holder, brand) do update set lifetime = economy.points_lifetime.lifetime + excluded.lifetime",
            ps -> {
                ps.setString(1, holder);
                ps.setString(2, brand);
                ps.setLong(3, amount);
            });
    }

    long lifetime(String holder, String brand) {
        return jdbc().query("select lifetime from economy.points_lifetime where holder = ? and brand = ?", ps -> {
            ps.setString(1, holder);
            ps.setString(2, brand);
        }, rs -> rs.getLong(1)).stream().findFirst().orElse(0L);
    }

    // --- orders and withheld rewards -----------------------------------------------------------------------------

    void rememberOrder(UUID orderId, String brand, String buyer) {
        jdbc().update("insert into economy.points_order (order_id, brand, buyer) values (?, ?, ?) "
            + "on conflict do nothing", ps -> {
                ps.setObject(1, orderId);
                ps.setString(2, brand);
                ps.setString(3, buyer);
            });
    }

    Optional<String> brandOfOrder(UUID orderId) {
        return jdbc().query("select brand from economy.points_order where order_id = ?", ps -> ps.setObject(1, orderId),
            rs -> rs.getString(1)).stream().findFirst();
    }

    void withhold(Withheld w, UUID orderId, Instant at) {
        jdbc().update("insert into economy.points_withheld (reason, source, holder, brand, order_id, amount, at) "
            + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", ps -> {
                ps.setString(1, w.reason());
                ps.setString(2, w.source());
                ps.setString(3, w.holder());
                ps.setString(4, w.brand());
                ps.setObject(5, orderId);
                ps.setLong(6, w.amount());
                ps.setObject(7, Jdbc.ts(at));
            });
    }

    /** Removes and returns what was withheld for the order. */
    List<Withheld> takeWithheld(UUID orderId) {
        return jdbc().query("delete from economy.points_withheld where order_id = ? "
            + "returning reason, source, holder, brand, amount", ps -> ps.setObject(1, orderId),
            rs -> new Withheld(rs.getString("reason"), rs.getString("source"), rs.getString("holder"),
                rs.getString("brand"), rs.getLong("amount")));
    }

    // --- quotes and exchanges ------------------------------------------------------------------------------------

    void addQuote(ExchangeQuote q, String holder, Instant createdAt) {
        jdbc().update("insert into economy.points_quote (id, holder, from_brand, to_brand, amount, receive, rate_bps, "
            + "policy_version, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, q.id());
                ps.setString(2, holder);
                ps.setString(3, q.from());
                ps.setString(4, q.to());
                ps.setLong(5, q.amount());
                ps.setLong(6, q.receive());
                ps.setLong(7, q.rateBps());
                ps.setInt(8, q.policyVersion());
                ps.setObject(9, Jdbc.ts(createdAt));
                ps.setObject(10, Jdbc.ts(q.expiresAt()));
            });
    }

    Optional<QuoteRow> lockQuote(UUID id) {
        return jdbc().query("select * from economy.points_quote where id = ? for update", ps -> ps.setObject(1, id),
            rs -> new QuoteRow(new ExchangeQuote(Jdbc.uuid(rs, "id"), rs.getString("from_brand"),
                rs.getString("to_brand"), rs.getLong("amount"), rs.getLong("receive"), rs.getLong("rate_bps"),
                rs.getInt("policy_version"), Jdbc.instant(rs, "expires_at")), rs.getString("holder"),
                Jdbc.uuid(rs, "exchange_id"))).stream().findFirst();
    }

    void addExchange(PointsExchange x, String holder) {
        jdbc().update("insert into economy.points_exchange (id, quote_id, holder, from_brand, to_brand, given, "
            + "received, entry_id, audit_entry_id, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, x.id());
                ps.setObject(2, x.quoteId());
                ps.setString(3, holder);
                ps.setString(4, x.from());
                ps.setString(5, x.to());
                ps.setLong(6, x.given());
                ps.setLong(7, x.received());
                ps.setObject(8, x.entryId());
                ps.setLong(9, x.auditEntryId());
                ps.setObject(10, Jdbc.ts(x.at()));
            });
        jdbc().update("update economy.points_quote set exchange_id = ? where id = ?", ps -> {
            ps.setObject(1, x.id());
            ps.setObject(2, x.quoteId());
        });
    }

    Optional<PointsExchange> exchange(UUID id) {
        return jdbc().query("select * from economy.points_exchange where id = ?", ps -> ps.setObject(1, id),
            rs -> new PointsExchange(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "quote_id"), rs.getString("from_brand"),
                rs.getString("to_brand"), rs.getLong("given"), rs.getLong("received"), Jdbc.uuid(rs, "entry_id"),
                rs.getLong("audit_entry_id"), Jdbc.instant(rs, "at"))).stream().findFirst();
    }
}
