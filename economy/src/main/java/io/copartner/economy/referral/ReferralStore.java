package io.copartner.economy.referral;

import static io.copartner.kernel.jdbc.Jdbc.instant;
import static io.copartner.kernel.jdbc.Jdbc.ts;
import static io.copartner.kernel.jdbc.Jdbc.uuid;

import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Share links, the referral graph and commissions (V2__referrals.sql), in the caller's transaction. */
@ApplicationScoped
public class ReferralStore {

    /** The advisory lock that serialises new edges of the referral graph, so two first purchases cannot make a cycle. */
    static final long GRAPH_LOCK = 0x5245_4647_5241_5048L;

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    public ReferralStore() {
    }

    public ReferralStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    public record Link(String code, String owner, UUID productId, Instant createdAt) {
    }

    public void insertLink(Link l) {
        jdbc().update("insert into economy.share_link (code, owner, product_id, created_at) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, l.code());
            ps.setString(2, l.owner());
            ps.setObject(3, l.productId());
            ps.setObject(4, ts(l.createdAt()));
        });
    }

    public Optional<Link> link(String code) {
        return jdbc().query("select * from economy.share_link where code = ?", ps -> ps.setString(1, code),
            ReferralStore::link).stream().findFirst();
    }

    /** The owner's links newest first, strictly after the cursor position (created_at, code) when given. */
    public List<Link> links(String owner, Instant beforeAt, String beforeCode, int limit) {
        return jdbc().query("select * from economy.share_link where owner = ? and (?::timestamptz is null or "
            + "(created_at, code) < (?::timestamptz, ?)) order by created_at desc, code desc limit ?", ps -> {
                ps.setString(1, owner);
                ps.setObject(2, ts(beforeAt));
                ps.setObject(3, ts(beforeAt));
                ps.setString(4, beforeCode == null ? "" : beforeCode);
                ps.setInt(5, limit);
            }, ReferralStore::link);
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getString("code"), rs.getString("owner"), uuid(rs, "product_id"), instant(rs, "created_at"));
    }

    // --- graph -------------------------------------------------------------------------------------------------

    public void lockGraph() {
        jdbc().query("select pg_advisory_xact_lock(?)", ps -> ps.setLong(1, GRAPH_LOCK), rs -> 1);
    }

    /** Serialises the opening of one referrer's payable account per asset. */
    public void lockKey(String key) {
        jdbc().query("select pg_advisory_xact_lock(hashtext(?))", ps -> ps.setString(1, key), rs -> 1);
    }

    /** Distinct referrers and assets with earned, unpaid commissions settled before {@code before} (at most 200). */
    public List<Due> due(Instant before) {
        return jdbc().query("select distinct referrer, asset from economy.commission where status = 'EARNED' and "
            + "paid < earned and settled_at < ? limit 200", ps -> ps.setObject(1, ts(before)),
            rs -> new Due(rs.getString(1), rs.getString(2)));
    }

    public Optional<String> referrerOf(String partner) {
        return jdbc().query("select referrer from economy.referral_edge where partner = ?", ps -> ps.setString(1, partner),
            rs -> rs.getString(1)).stream().findFirst();
    }

    public boolean insertEdge(String partner, String referrer, UUID orderId, Instant at) {
        return jdbc().update("insert into economy.referral_edge (partner, referrer, order_id, since) values (?, ?, ?, ?) "
            + "on conflict (partner) do nothing", ps -> {
                ps.setString(1, partner);
                ps.setString(2, referrer);
                ps.setObject(3, orderId);
                ps.setObject(4, ts(at));
            }) == 1;
    }

    // --- commissions -------------------------------------------------------------------------------------------

    public record Commission(long seq, UUID id, UUID orderId, int lineNo, int level, String referrer, String buyer,
                             String asset, int policyVersion, int rateBps, long lineAmount, int quantity, long pending,
                             long earned, long clawedBack, long paid, String status, Instant placedAt,
                             Instant settledAt, UUID receivable, UUID entryId, Long auditEntryId) {
    }

    public void insertCommission(Commission c) {
        jdbc().update("insert into economy.commission (id, order_id, line_no, level, referrer, buyer, asset, "
            + "policy_version, rate_bps, line_amount, quantity, pending, status, placed_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, c.id());
                ps.setObject(2, c.orderId());
                ps.setInt(3, c.lineNo());
                ps.setInt(4, c.level());
                ps.setString(5, c.referrer());
                ps.setString(6, c.buyer());
                ps.setString(7, c.asset());
                ps.setInt(8, c.policyVersion());
                ps.setInt(9, c.rateBps());
                ps.setLong(10, c.lineAmount());
                ps.setInt(11, c.quantity());
                ps.setLong(12, c.pending());
                ps.setString(13, c.status());
                ps.setObject(14, ts(c.placedAt()));
            });
    }

    /** The order's commissions, locked, by line and level. */
    public List<Commission> ofOrder(UUID orderId) {
        return jdbc().query("select * from economy.commission where order_id = ? order by line_no, level for update",
            ps -> ps.setObject(1, orderId), ReferralStore::commission);
    }

    public void settle(UUID id, String status, long earned, long clawedBack, Instant at, UUID receivable, UUID entryId,
                       Long auditEntryId) {
        jdbc().update("update economy.commission set status = ?, earned = ?, clawed_back = ?, settled_at = ?, "
            + "receivable = coalesce(?, receivable), entry_id = ?, audit_entry_id = ? where id = ?", ps -> {
                ps.setString(1, status);
                ps.setLong(2, earned);
                ps.setLong(3, clawedBack);
                ps.setObject(4, ts(at));
                ps.setObject(5, receivable);
                ps.setObject(6, entryId);
                if (auditEntryId == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, auditEntryId);
                }
                ps.setObject(8, id);
            });
    }

    public List<Commission> page(String referrer, long beforeSeq, int limit) {
        return jdbc().query("select * from economy.commission where referrer = ? and seq < ? order by seq desc limit ?",
            ps -> {
                ps.setString(1, referrer);
                ps.setLong(2, beforeSeq);
                ps.setInt(3, limit);
            }, ReferralStore::commission);
    }

    /** Per asset: pending, withheld, earned, clawedBack, paid over all the referrer's commissions. */
    public Map<String, Map<String, Long>> totals(String referrer) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        jdbc().query("select asset, coalesce(sum(pending) filter (where status = 'PENDING'), 0) as p, "
            + "coalesce(sum(earned) filter (where status = 'WITHHELD'), 0) as w, "
            + "coalesce(sum(earned) filter (where status = 'EARNED'), 0) as e, coalesce(sum(clawed_back), 0) as c, "
            + "coalesce(sum(paid), 0) as d from economy.commission where referrer = ? group by asset order by asset",
            ps -> ps.setString(1, referrer), rs -> {
                Map<String, Long> t = new LinkedHashMap<>();
                t.put("pending", rs.getLong("p"));
                t.put("withheld", rs.getLong("w"));
                t.put("earned", rs.getLong("e"));
                t.put("clawedBack", rs.getLong("c"));
                t.put("paid", rs.getLong("d"));
                t.put("payable", rs.getLong("e") - rs.getLong("d"));
                t.put("debt", 0L);
                out.put(rs.getString("asset"), t);
                return 1;
            });
        jdbc().query("select asset, debt from economy.commission_account where referrer = ?",
            ps -> ps.setString(1, referrer), rs -> {
                Map<String, Long> t = out.get(rs.getString("asset"));
                if (t != null) {
                    t.put("debt", rs.getLong("debt"));
                }
                return 1;
            });
        return out;
    }

    private static Commission commission(ResultSet rs) throws SQLException {
        long audit = rs.getLong("audit_entry_id");
        Long auditId = rs.wasNull() ? null : audit;
        return new Commission(rs.getLong("seq"), uuid(rs, "id"), uuid(rs, "order_id"), rs.getInt("line_no"),
            rs.getInt("level"), rs.getString("referrer"), rs.getString("buyer"), rs.getString("asset"),
            rs.getInt("policy_version"), rs.getInt("rate_bps"), rs.getLong("line_amount"), rs.getInt("quantity"),
            rs.getLong("pending"), rs.getLong("earned"), rs.getLong("clawed_back"), rs.getLong("paid"),
            rs.getString("status"), instant(rs, "placed_at"), instant(rs, "settled_at"), uuid(rs, "receivable"),
            uuid(rs, "entry_id"), auditId);
    }

    // --- accounts and payouts ----------------------------------------------------------------------------------

    public record Account(UUID accountId, long debt) {
    }

    /** The referrer's payable account of this asset, locked. */
    public Optional<Account> lockAccount(String referrer, String asset) {
        return jdbc().query("select account_id, debt from economy.commission_account where referrer = ? and asset = ? "
            + "for update", ps -> {
                ps.setString(1, referrer);
                ps.setString(2, asset);
            }, rs -> new Account(uuid(rs, "account_id"), rs.getLong("debt"))).stream().findFirst();
    }

    public boolean insertAccount(String referrer, String asset, UUID accountId) {
        return jdbc().update("insert into economy.commission_account (referrer, asset, account_id) values (?, ?, ?) "
            + "on conflict do nothing", ps -> {
                ps.setString(1, referrer);
                ps.setString(2, asset);
                ps.setObject(3, accountId);
            }) == 1;
    }

    public void setDebt(String referrer, String asset, long debt) {
        jdbc().update("update economy.commission_account set debt = ? where referrer = ? and asset = ?", ps -> {
            ps.setLong(1, debt);
            ps.setString(2, referrer);
            ps.setString(3, asset);
        });
    }

    /** One referrer and asset with commission earned before {@code before} and not yet paid, locked, or none. */
    public record Due(String referrer, String asset) {
    }

    public Optional<Due> nextDue(Instant before) {
        return jdbc().query("select referrer, asset from economy.commission where status = 'EARNED' and paid < earned "
            + "and settled_at < ? order by seq limit 1 for update skip locked", ps -> ps.setObject(1, ts(before)),
            rs -> new Due(rs.getString(1), rs.getString(2))).stream().findFirst();
    }

    /** Locks the referrer's unpaid earned commissions of this asset settled before {@code before}. */
    public List<Commission> unpaid(String referrer, String asset, Instant before) {
        return jdbc().query("select * from economy.commission where referrer = ? and asset = ? and status = 'EARNED' "
            + "and paid < earned and settled_at < ? order by seq for update", ps -> {
                ps.setString(1, referrer);
                ps.setString(2, asset);
                ps.setObject(3, ts(before));
            }, ReferralStore::commission);
    }

    public void markPaid(UUID id) {
        jdbc().update("update economy.commission set paid = earned where id = ?", ps -> ps.setObject(1, id));
    }

    public void insertPayout(UUID id, String referrer, String asset, Instant periodStart, long amount, UUID entryId,
                             long auditEntryId, Instant at) {
        jdbc().update("insert into economy.commission_payout (id, referrer, asset, period_start, amount, entry_id, "
            + "audit_entry_id, paid_at) values (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, id);
                ps.setString(2, referrer);
                ps.setString(3, asset);
                ps.setObject(4, ts(periodStart));
                ps.setLong(5, amount);
                ps.setObject(6, entryId);
                ps.setLong(7, auditEntryId);
                ps.setObject(8, ts(at));
            });
    }

    /** Audit entry ids and sums of one figure in [start, end): kind earned | clawedBack | paid. */
    public record Figure(long sum, List<Long> auditEntries) {
    }

    public Figure figure(String kind, Instant start, Instant end) {
        String sql = switch (kind) {
            case "earned" -> "select earned as v, audit_entry_id as a from economy.commission where status = 'EARNED' "
                + "and earned > 0 and settled_at >= ? and settled_at < ? order by audit_entry_id";
            case "clawedBack" -> "select clawed_back as v, audit_entry_id as a from economy.commission where "
                + "clawed_back > 0 and audit_entry_id is not null and settled_at >= ? and settled_at < ? order by audit_entry_id";
            case "paid" -> "select amount as v, audit_entry_id as a from economy.commission_payout where paid_at >= ? "
                + "and paid_at < ? order by audit_entry_id";
            default -> throw new IllegalArgumentException(kind);
        };
        long[] sum = {0};
        List<Long> ids = jdbc().query(sql, ps -> {
            ps.setObject(1, ts(start));
            ps.setObject(2, ts(end));
        }, rs -> {
            sum[0] = Math.addExact(sum[0], rs.getLong("v"));
            return rs.getLong("a");
        });
        return new Figure(sum[0], ids.stream().distinct().toList());
    }
}
