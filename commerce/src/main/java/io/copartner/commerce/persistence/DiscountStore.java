package io.copartner.commerce.persistence;

import io.copartner.commerce.domain.PointsDiscount;
import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The points discounts of orders (V5__points_discount.sql), in the caller's transaction. */
@ApplicationScoped
public class DiscountStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    public void insert(UUID orderId, PointsDiscount d, UUID pointsEntry, long pointsAudit) {
        jdbc().update("insert into commerce.order_discount (order_id, brand, points, minor_per_point, discount, "
            + "points_entry_id, points_audit_id) values (?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, orderId);
                ps.setString(2, d.brand());
                ps.setLong(3, d.points());
                ps.setLong(4, d.minorPerPoint());
                ps.setLong(5, d.discount());
                ps.setObject(6, pointsEntry);
                ps.setLong(7, pointsAudit);
            });
    }

    public Optional<PointsDiscount> of(UUID orderId) {
        return jdbc().query("select * from commerce.order_discount where order_id = ?", ps -> ps.setObject(1, orderId),
            DiscountStore::row).stream().findFirst();
    }

    public void restored(UUID orderId, long points) {
        jdbc().update("update commerce.order_discount set points_restored = ?, "
            + "discount_refunded = ? * minor_per_point where order_id = ?", ps -> {
                ps.setLong(1, points);
                ps.setLong(2, points);
                ps.setObject(3, orderId);
            });
    }

    public void checkoutDiscount(UUID checkoutId, long discount) {
        jdbc().update("update commerce.checkout set discount = ? where id = ?", ps -> {
            ps.setLong(1, discount);
            ps.setObject(2, checkoutId);
        });
    }

    public long checkoutDiscount(UUID checkoutId) {
        return jdbc().query("select discount from commerce.checkout where id = ?", ps -> ps.setObject(1, checkoutId),
            rs -> rs.getLong(1)).stream().findFirst().orElse(0L);
    }

    private static PointsDiscount row(ResultSet rs) throws SQLException {
        return new PointsDiscount(rs.getString("brand"), rs.getLong("points"), rs.getLong("minor_per_point"),
            rs.getLong("points_restored"));
    }
}
