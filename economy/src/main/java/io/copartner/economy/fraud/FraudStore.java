package io.copartner.economy.fraud;

import static io.copartner.kernel.jdbc.Jdbc.instant;
import static io.copartner.kernel.jdbc.Jdbc.ts;
import static io.copartner.kernel.jdbc.Jdbc.uuid;

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

/** Activity, placed orders and flags of the fraud defences (V5__fraud.sql), in the caller's transaction. */
@ApplicationScoped
public class FraudStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** Serialises one partner's activity of one kind, so concurrent requests cannot both slip under the limit. */
    public void lock(String partner, String kind) {
        jdbc().query("select pg_advisory_xact_lock(hashtext(?))", ps -> ps.setString(1, "fraud:" + kind + ":" + partner),
            rs -> 1);
    }

    /** The times of the partner's activity of this kind since {@code since}, oldest first. */
    public List<Instant> activity(String partner, String kind, Instant since) {
        return jdbc().query("select at from economy.fraud_activity where partner = ? and kind = ? and at >= ? order by at",
            ps -> {
                ps.setString(1, partner);
                ps.setString(2, kind);
                ps.setObject(3, ts(since));
            }, rs -> instant(rs, "at"));
    }

    public void addActivity(String partner, String kind, Instant at) {
        jdbc().update("insert into economy.fraud_activity (partner, kind, at) values (?, ?, ?)", ps -> {
            ps.setString(1, partner);
            ps.setString(2, kind);
            ps.setObject(3, ts(at));
        });
    }

    public void prune(String partner, String kind, Instant before) {
        jdbc().update("delete from economy.fraud_activity where partner = ? and kind = ? and at < ?", ps -> {
            ps.setString(1, partner);
            ps.setString(2, kind);
            ps.setObject(3, ts(before));
        });
    }

    public void addOrder(UUID orderId, String buyer, String merchantId, String asset, long total, Instant at) {
        jdbc().update("insert into economy.fraud_order (order_id, buyer, merchant_id, asset, total, placed_at) "
            + "values (?, ?, ?, ?, ?, ?) on conflict do nothing", ps -> {
                ps.setObject(1, orderId);
                ps.setString(2, buyer);
                ps.setString(3, merchantId);
                ps.setString(4, asset);
                ps.setLong(5, total);
                ps.setObject(6, ts(at));
            });
    }

    public record PlacedOrder(UUID orderId, String buyer, String merchantId, long total, Instant placedAt) {
    }

    public Optional<PlacedOrder> order(UUID orderId) {
        return jdbc().query("select * from economy.fraud_order where order_id = ?", ps -> ps.setObject(1, orderId),
            FraudStore::placed).stream().findFirst();
    }

    /** The pair's orders of at most {@code maxTotal} placed since {@code since}. */
    public List<PlacedOrder> smallOrders(String buyer, String merchantId, long maxTotal, Instant since) {
        return jdbc().query("select * from economy.fraud_order where buyer = ? and merchant_id = ? and total <= ? "
            + "and placed_at >= ? order by placed_at", ps -> {
                ps.setString(1, buyer);
                ps.setString(2, merchantId);
                ps.setLong(3, maxTotal);
                ps.setObject(4, ts(since));
            }, FraudStore::placed);
    }

    private static PlacedOrder placed(ResultSet rs) throws SQLException {
        return new PlacedOrder(uuid(rs, "order_id"), rs.getString("buyer"), rs.getString("merchant_id"),
            rs.getLong("total"), instant(rs, "placed_at"));
    }

    public record Flag(long seq, UUID id, UUID orderId, String partner, String pattern, String reasons, String status,
                       Instant createdAt, String decidedBy, Instant decidedAt, long auditEntryId) {
    }

    /** A new open flag; false if the order is flagged already. */
    public boolean insertFlag(Flag f) {
        return jdbc().update("insert into economy.fraud_flag (id, order_id, partner, pattern, reasons, status, "
            + "created_at, audit_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (order_id) do nothing", ps -> {
                ps.setObject(1, f.id());
                ps.setObject(2, f.orderId());
                ps.setString(3, f.partner());
                ps.setString(4, f.pattern());
                ps.setString(5, f.reasons());
                ps.setString(6, f.status());
                ps.setObject(7, ts(f.createdAt()));
                ps.setLong(8, f.auditEntryId());
            }) == 1;
    }

    public boolean hasFlag(UUID orderId) {
        return !jdbc().query("select 1 from economy.fraud_flag where order_id = ?", ps -> ps.setObject(1, orderId),
            rs -> 1).isEmpty();
    }

    public boolean isOpen(UUID orderId) {
        return !jdbc().query("select 1 from economy.fraud_flag where order_id = ? and status = 'OPEN'",
            ps -> ps.setObject(1, orderId), rs -> 1).isEmpty();
    }

    public Optional<Flag> lockFlag(UUID id) {
        return jdbc().query("select * from economy.fraud_flag where id = ? for update", ps -> ps.setObject(1, id),
            FraudStore::flag).stream().findFirst();
    }

    public Optional<Flag> flag(UUID id) {
        return jdbc().query("select * from economy.fraud_flag where id = ?", ps -> ps.setObject(1, id),
            FraudStore::flag).stream().findFirst();
    }

    public void decide(UUID id, String status, String admin, Instant at) {
        jdbc().update("update economy.fraud_flag set status = ?, decided_by = ?, decided_at = ? where id = ?", ps -> {
            ps.setString(1, status);
            ps.setString(2, admin);
            ps.setObject(3, ts(at));
            ps.setObject(4, id);
        });
    }

    public List<Flag> flags(String status, long beforeSeq, int limit) {
        return jdbc().query("select * from economy.fraud_flag where (?::varchar is null or status = ?) and seq < ? "
            + "order by seq desc limit ?", ps -> {
                ps.setString(1, status);
                ps.setString(2, status);
                ps.setLong(3, beforeSeq);
                ps.setInt(4, limit);
            }, FraudStore::flag);
    }

    private static Flag flag(ResultSet rs) throws SQLException {
        return new Flag(rs.getLong("seq"), uuid(rs, "id"), uuid(rs, "order_id"), rs.getString("partner"),
            rs.getString("pattern"), rs.getString("reasons"), rs.getString("status"), instant(rs, "created_at"),
            rs.getString("decided_by"), instant(rs, "decided_at"), rs.getLong("audit_entry_id"));
    }
}
