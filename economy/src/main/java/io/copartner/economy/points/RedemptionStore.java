package io.copartner.economy.points;

import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Redemptions at checkout (V8__points_redemption.sql), in the caller's transaction. */
@ApplicationScoped
public class RedemptionStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** A redemption as stored. */
    record Row(UUID orderId, String holder, String brand, long points, long minorPerPoint, Instant restoreExpiresAt,
               long restored) {
    }

    void add(UUID orderId, UUID checkoutId, String holder, String brand, String currency, long points,
             long minorPerPoint, UUID entryId, long auditEntryId, Instant restoreExpiresAt, Instant at) {
        jdbc().update("insert into economy.points_redemption (order_id, checkout_id, holder, brand, currency, points, "
            + "minor_per_point, discount, entry_id, audit_entry_id, restore_expires_at, at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, orderId);
                ps.setObject(2, checkoutId);
                ps.setString(3, holder);
                ps.setString(4, brand);
                ps.setString(5, currency);
                ps.setLong(6, points);
                ps.setLong(7, minorPerPoint);
                ps.setLong(8, Math.multiplyExact(points, minorPerPoint));
                ps.setObject(9, entryId);
                ps.setLong(10, auditEntryId);
                ps.setObject(11, Jdbc.ts(restoreExpiresAt));
                ps.setObject(12, Jdbc.ts(at));
            });
    }

    Optional<Row> lock(UUID orderId) {
        return jdbc().query("select * from economy.points_redemption where order_id = ? for update",
            ps -> ps.setObject(1, orderId), rs -> new Row(Jdbc.uuid(rs, "order_id"), rs.getString("holder"),
                rs.getString("brand"), rs.getLong("points"), rs.getLong("minor_per_point"),
                Jdbc.instant(rs, "restore_expires_at"), rs.getLong("restored"))).stream().findFirst();
    }

    void restored(UUID orderId, long points, UUID entryId) {
        jdbc().update("update economy.points_redemption set restored = ?, restore_entry_id = ? where order_id = ?",
            ps -> {
                ps.setLong(1, points);
                ps.setObject(2, entryId);
                ps.setObject(3, orderId);
            });
    }
}
