package io.copartner.commerce.persistence;

import io.copartner.commerce.domain.Order;
import io.copartner.commerce.domain.OrderLine;
import io.copartner.commerce.domain.OrderStatus;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Checkouts, orders, their lines and steps, and commerce's own ledger accounts (V2__orders.sql), in the caller's transaction. */
@ApplicationScoped
public class OrderStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    public OrderStore() {
    }

    public OrderStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    /** A step of an order as stored. */
    public record Step(int stepNo, String status, String actor, String actorRole, Instant at, long auditEntryId) {
    }

    // --- commerce's ledger accounts -------------------------------------------------------------------------

    /** Serialises the opening of one (owner, asset, kind) account: two first uses must not open two. */
    public void lockAccount(String owner, String asset, String kind) {
        byte[] h = Hashes.sha256(("copartner.commerce.account:" + owner + "\n" + asset + "\n" + kind)
            .getBytes(StandardCharsets.UTF_8));
        long key = ByteBuffer.wrap(h).getLong();
        jdbc().query("select 1 from (select pg_advisory_xact_lock(?)) l", ps -> ps.setLong(1, key), rs -> 1);
    }

    public Optional<UUID> account(String owner, String asset, String kind) {
        return jdbc().query("select account_id from commerce.ledger_account where owner = ? and asset = ? and kind = ?",
            ps -> {
                ps.setString(1, owner);
                ps.setString(2, asset);
                ps.setString(3, kind);
            }, rs -> Jdbc.uuid(rs, "account_id")).stream().findFirst();
    }

    public void addAccount(String owner, String asset, String kind, UUID accountId, Instant at) {
        jdbc().update("insert into commerce.ledger_account (owner, asset, kind, account_id, created_at) "
            + "values (?, ?, ?, ?, ?)", ps -> {
                ps.setString(1, owner);
                ps.setString(2, asset);
                ps.setString(3, kind);
                ps.setObject(4, accountId);
                ps.setObject(5, Jdbc.ts(at));
            });
    }

    // --- stock -----------------------------------------------------------------------------------------------

    /**
     * Takes units from a product's stock; false (nothing changed) when fewer are left. The row lock makes
     * concurrent buyers of the last unit queue here: the first takes it, the others then see 0 and fail.
     */
    public boolean takeStock(UUID productId, int quantity) {
        return jdbc().update("update commerce.product set stock = stock - ? where id = ? and stock >= ?", ps -> {
            ps.setLong(1, quantity);
            ps.setObject(2, productId);
            ps.setLong(3, quantity);
        }) == 1;
    }

    public void returnStock(UUID productId, int quantity) {
        jdbc().update("update commerce.product set stock = stock + ? where id = ?", ps -> {
            ps.setLong(1, quantity);
            ps.setObject(2, productId);
        });
    }

    /** Whether a product row exists at all (hidden ones included). */
    public boolean productExists(UUID productId) {
        return !jdbc().query("select 1 from commerce.product where id = ?", ps -> ps.setObject(1, productId),
            rs -> 1).isEmpty();
    }

    /** The stock left (the live count orders take from; versions record what the merchant set). */
    public long stock(UUID productId) {
        return jdbc().query("select stock from commerce.product where id = ?", ps -> ps.setObject(1, productId),
            rs -> rs.getLong(1)).stream().findFirst().orElse(0L);
    }

    // --- writes ----------------------------------------------------------------------------------------------

    public void insertCheckout(UUID id, String buyer, String asset, long total, UUID wallet, UUID entry,
                               Instant postedAt, Instant at) {
        jdbc().update("insert into commerce.checkout (id, buyer, asset, total, wallet_account, ledger_entry_id, "
            + "ledger_posted_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, id);
                ps.setString(2, buyer);
                ps.setString(3, asset);
                ps.setLong(4, total);
                ps.setObject(5, wallet);
                ps.setObject(6, entry);
                ps.setObject(7, Jdbc.ts(postedAt));
                ps.setObject(8, Jdbc.ts(at));
            });
    }

    public void insertOrder(Order o) {
        jdbc().update("insert into commerce.customer_order (id, checkout_id, buyer, merchant_id, merchant_did, asset, "
            + "total, status, policy_version, platform_fee_bps, partner_pool_bps, escrow_account, wallet_account, "
            + "placed_at, paid_at, payment_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, o.id());
                ps.setObject(2, o.checkoutId());
                ps.setString(3, o.buyer());
                ps.setString(4, o.merchantId());
                ps.setString(5, o.merchantDid());
                ps.setString(6, o.asset());
                ps.setLong(7, o.total());
                ps.setString(8, o.status().name());
                ps.setInt(9, o.policyVersion());
                ps.setInt(10, o.platformFeeBps());
                ps.setInt(11, o.partnerPoolBps());
                ps.setObject(12, o.escrowAccount());
                ps.setObject(13, o.walletAccount());
                ps.setObject(14, Jdbc.ts(o.placedAt()));
                ps.setObject(15, Jdbc.ts(o.paidAt()));
                ps.setObject(16, o.paymentEntryId());
            });
    }

    /**
     * A new order with its lines and first steps in one round trip: the statements go to the server together (the
     * driver sends a multi-statement string as one batch), in the caller's transaction like every other write here.
     */
    public void insertPlaced(Order o, List<OrderLine> lines, List<Step> steps) {
        StringBuilder sql = new StringBuilder("insert into commerce.customer_order (id, checkout_id, buyer, merchant_id, "
            + "merchant_did, asset, total, status, policy_version, platform_fee_bps, partner_pool_bps, escrow_account, "
            + "wallet_account, placed_at, paid_at, payment_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?)");
        for (int i = 0; i < lines.size(); i++) {
            sql.append(";\ninsert into commerce.order_line (order_id, line_no, product_id, product_version, name, "
                + "unit_price, quantity) values (?, ?, ?, ?, ?, ?, ?)");
        }
        for (int i = 0; i < steps.size(); i++) {
            sql.append(";\ninsert into commerce.order_step (order_id, step_no, status, actor, actor_role, at, "
                + "audit_entry_id) values (?, ?, ?, ?, ?, ?, ?)");
        }
        jdbc().update(sql.toString(), ps -> {
            int n = 0;
            ps.setObject(++n, o.id());
            ps.setObject(++n, o.checkoutId());
            ps.setString(++n, o.buyer());
            ps.setString(++n, o.merchantId());
            ps.setString(++n, o.merchantDid());
            ps.setString(++n, o.asset());
            ps.setLong(++n, o.total());
            ps.setString(++n, o.status().name());
            ps.setInt(++n, o.policyVersion());
            ps.setInt(++n, o.platformFeeBps());
            ps.setInt(++n, o.partnerPoolBps());
            ps.setObject(++n, o.escrowAccount());
            ps.setObject(++n, o.walletAccount());
            ps.setObject(++n, Jdbc.ts(o.placedAt()));
            ps.setObject(++n, Jdbc.ts(o.paidAt()));
            ps.setObject(++n, o.paymentEntryId());
            for (OrderLine l : lines) {
                ps.setObject(++n, l.orderId());
                ps.setInt(++n, l.lineNo());
                ps.setObject(++n, l.productId());
                ps.setInt(++n, l.productVersion());
                ps.setString(++n, l.name());
                ps.setLong(++n, l.unitPrice());
                ps.setInt(++n, l.quantity());
            }
            for (Step s : steps) {
                ps.setObject(++n, o.id());
                ps.setInt(++n, s.stepNo());
                ps.setString(++n, s.status());
                ps.setString(++n, s.actor());
                ps.setString(++n, s.actorRole());
                ps.setObject(++n, Jdbc.ts(s.at()));
                ps.setLong(++n, s.auditEntryId());
            }
        });
    }

    public void insertLine(OrderLine l) {
        jdbc().update("insert into commerce.order_line (order_id, line_no, product_id, product_version, name, "
            + "unit_price, quantity) values (?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, l.orderId());
                ps.setInt(2, l.lineNo());
                ps.setObject(3, l.productId());
                ps.setInt(4, l.productVersion());
                ps.setString(5, l.name());
                ps.setLong(6, l.unitPrice());
                ps.setInt(7, l.quantity());
            });
    }

    public void addStep(UUID orderId, OrderStatus status, String actor, String role, Instant at, long auditEntryId) {
        jdbc().update("insert into commerce.order_step (order_id, step_no, status, actor, actor_role, at, "
            + "audit_entry_id) values (?, (select coalesce(max(step_no), 0) + 1 from commerce.order_step "
            + "where order_id = ?), ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, orderId);
                ps.setObject(2, orderId);
                ps.setString(3, status.name());
                ps.setString(4, actor);
                ps.setString(5, role);
                ps.setObject(6, Jdbc.ts(at));
                ps.setLong(7, auditEntryId);
            });
    }

    public void ship(UUID id, String carrier, String tracking, Instant at, Instant autoConfirmAt) {
        jdbc().update("update commerce.customer_order set status = 'SHIPPED', carrier = ?, tracking_number = ?, "
            + "shipped_at = ?, auto_confirm_at = ? where id = ?", ps -> {
                ps.setString(1, carrier);
                ps.setString(2, tracking);
                ps.setObject(3, Jdbc.ts(at));
                ps.setObject(4, Jdbc.ts(autoConfirmAt));
                ps.setObject(5, id);
            });
    }

    public void deliver(UUID id, Instant at, Instant returnUntil) {
        jdbc().update("update commerce.customer_order set status = 'DELIVERED', delivered_at = ?, return_until = ? "
            + "where id = ?", ps -> {
                ps.setObject(1, Jdbc.ts(at));
                ps.setObject(2, Jdbc.ts(returnUntil));
                ps.setObject(3, id);
            });
    }

    /** The final step: COMPLETED, CANCELED or REFUNDED, with what was refunded and what the buyer kept. */
    public void settle(UUID id, OrderStatus status, Instant at, UUID releaseEntry, UUID refundEntry, long refunded,
                       long kept) {
        jdbc().update("update commerce.customer_order set status = ?, settled_at = ?, release_entry_id = ?, "
            + "refund_entry_id = ?, refunded = ?, kept = ? where id = ?", ps -> {
                ps.setString(1, status.name());
                ps.setObject(2, Jdbc.ts(at));
                ps.setObject(3, releaseEntry);
                ps.setObject(4, refundEntry);
                ps.setLong(5, refunded);
                ps.setLong(6, kept);
                ps.setObject(7, id);
            });
    }

    public void refundLine(UUID orderId, int lineNo, int refundedQuantity) {
        jdbc().update("update commerce.order_line set refunded_quantity = ? where order_id = ? and line_no = ?", ps -> {
            ps.setInt(1, refundedQuantity);
            ps.setObject(2, orderId);
            ps.setInt(3, lineNo);
        });
    }

    // --- reads -----------------------------------------------------------------------------------------------

    public Optional<Order> find(UUID id) {
        return jdbc().query("select * from commerce.customer_order where id = ?", ps -> ps.setObject(1, id),
            OrderStore::order).stream().findFirst();
    }

    /** The order row locked for this transaction: its steps run one at a time. */
    public Optional<Order> lock(UUID id) {
        return jdbc().query("select * from commerce.customer_order where id = ? for update", ps -> ps.setObject(1, id),
            OrderStore::order).stream().findFirst();
    }

    /**
     * The next order the scheduler must move (shipped past its auto-confirm time, or delivered past its return
     * window), locked, skipping rows another instance holds: each such step happens exactly once.
     */
    public Optional<Order> lockNextDue(Instant now) {
        return jdbc().query("select * from commerce.customer_order where (status = 'SHIPPED' and auto_confirm_at <= ?) "
            + "or (status = 'DELIVERED' and return_until <= ?) order by seq limit 1 for update skip locked", ps -> {
                ps.setObject(1, Jdbc.ts(now));
                ps.setObject(2, Jdbc.ts(now));
            }, OrderStore::order).stream().findFirst();
    }

    public List<OrderLine> lines(UUID orderId) {
        return jdbc().query("select * from commerce.order_line where order_id = ? order by line_no",
            ps -> ps.setObject(1, orderId), OrderStore::line);
    }

    public List<Step> steps(UUID orderId) {
        return jdbc().query("select * from commerce.order_step where order_id = ? order by step_no",
            ps -> ps.setObject(1, orderId), rs -> new Step(rs.getInt("step_no"), rs.getString("status"),
                rs.getString("actor"), rs.getString("actor_role"), Jdbc.instant(rs, "at"),
                rs.getLong("audit_entry_id")));
    }

    public List<Order> ofCheckout(UUID checkoutId) {
        return jdbc().query("select * from commerce.customer_order where checkout_id = ? order by seq",
            ps -> ps.setObject(1, checkoutId), OrderStore::order);
    }

    public record CheckoutRow(UUID id, String buyer, String asset, long total, UUID wallet, UUID entry,
                              Instant createdAt) {
    }

    public Optional<CheckoutRow> checkout(UUID id) {
        return jdbc().query("select * from commerce.checkout where id = ?", ps -> ps.setObject(1, id),
            rs -> new CheckoutRow(Jdbc.uuid(rs, "id"), rs.getString("buyer"), rs.getString("asset"),
                rs.getLong("total"), Jdbc.uuid(rs, "wallet_account"), Jdbc.uuid(rs, "ledger_entry_id"),
                Jdbc.instant(rs, "created_at"))).stream().findFirst();
    }

    /** Orders of a buyer (column buyer) or a merchant (merchant_id), newest first, below the cursor's seq. */
    public List<Order> page(boolean byMerchant, String who, long beforeSeq, int limit) {
        String column = byMerchant ? "merchant_id" : "buyer";
        return jdbc().query("select * from commerce.customer_order where " + column + " = ? and seq < ? "
            + "order by seq desc limit ?", ps -> {
                ps.setString(1, who);
                ps.setLong(2, beforeSeq);
                ps.setInt(3, limit);
            }, OrderStore::order);
    }

    /**
     * The line of an order if the given buyer bought it and the order is delivered or completed (what a review
     * needs); locks nothing.
     */
    public boolean reviewable(UUID orderId, int lineNo, String buyer) {
        return !jdbc().query("select 1 from commerce.customer_order o join commerce.order_line l on l.order_id = o.id "
            + "where o.id = ? and l.line_no = ? and o.buyer = ? and o.status in ('DELIVERED', 'COMPLETED')", ps -> {
                ps.setObject(1, orderId);
                ps.setInt(2, lineNo);
                ps.setString(3, buyer);
            }, rs -> 1).isEmpty();
    }

    /** Per buyer, the checkout totals paid from wallets (less points discounts) in [from, to) (at the payment entry's postedAt). */
    public Map<String, Long> paidBy(Collection<String> buyers, String asset, Instant from, Instant to) {
        return sums("select buyer, sum(total - discount) from commerce.checkout where buyer = any (?) and asset = ? "
            + "and ledger_posted_at >= ? and ledger_posted_at < ? group by buyer", buyers, asset, from, to);
    }

    /** Per buyer, what settled orders kept (total less refunds) with settled_at in [from, to). */
    public Map<String, Long> keptBy(Collection<String> buyers, String asset, Instant from, Instant to) {
        return sums("select buyer, sum(kept) from commerce.customer_order where buyer = any (?) and asset = ? "
            + "and kept is not null and settled_at >= ? and settled_at < ? group by buyer", buyers, asset, from, to);
    }

    private Map<String, Long> sums(String sql, Collection<String> buyers, String asset, Instant from, Instant to) {
        Map<String, Long> out = new HashMap<>();
        if (buyers.isEmpty()) {
            return out;
        }
        for (Object[] row : jdbc().query(sql, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", buyers.toArray()));
            ps.setString(2, asset);
            ps.setObject(3, Jdbc.ts(from));
            ps.setObject(4, Jdbc.ts(to));
        }, rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            out.put((String) row[0], (Long) row[1]);
        }
        return out;
    }

    static Order order(ResultSet rs) throws SQLException {
        return new Order(Jdbc.uuid(rs, "id"), rs.getLong("seq"), Jdbc.uuid(rs, "checkout_id"), rs.getString("buyer"),
            rs.getString("merchant_id"), rs.getString("merchant_did"), rs.getString("asset"), rs.getLong("total"),
            rs.getLong("refunded"), OrderStatus.valueOf(rs.getString("status")), rs.getInt("policy_version"),
            rs.getInt("platform_fee_bps"), rs.getInt("partner_pool_bps"), Jdbc.uuid(rs, "escrow_account"),
            Jdbc.uuid(rs, "wallet_account"), rs.getString("carrier"), rs.getString("tracking_number"),
            Jdbc.instant(rs, "placed_at"), Jdbc.instant(rs, "paid_at"), Jdbc.instant(rs, "shipped_at"),
            Jdbc.instant(rs, "delivered_at"), Jdbc.instant(rs, "settled_at"), Jdbc.instant(rs, "auto_confirm_at"),
            Jdbc.instant(rs, "return_until"), Jdbc.uuid(rs, "payment_entry_id"), Jdbc.uuid(rs, "release_entry_id"),
            Jdbc.uuid(rs, "refund_entry_id"));
    }

    static OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(Jdbc.uuid(rs, "order_id"), rs.getInt("line_no"), Jdbc.uuid(rs, "product_id"),
            rs.getInt("product_version"), rs.getString("name"), rs.getLong("unit_price"), rs.getInt("quantity"),
            rs.getInt("refunded_quantity"));
    }
}
