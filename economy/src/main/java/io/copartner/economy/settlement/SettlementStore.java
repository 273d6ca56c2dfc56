package io.copartner.economy.settlement;

import io.copartner.kernel.jdbc.Jdbc;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** SQL of the settlement tables (V3); joins the caller's transaction through the container's data source. */
public class SettlementStore {

    static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final DataSource dataSource;
    final Jdbc jdbc;

    public SettlementStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    public static String periodId(Instant start) {
        return ID.format(start);
    }

    public record Period(String id, Instant start, Instant end, String state, Integer policyVersion, int total,
                         int done, Instant closedAt) {
    }

    /** A pool as allocated, with the contribution weights its close used. */
    public record Pool(String periodId, String asset, long inflow, long carriedIn, String totalWeight,
                       long distributed, long undistributed, long auditEntry, WeightFactors factors) {
    }

    public record Payout(UUID id, String periodId, String asset, String partner, String weight, long amount,
                         String status, String firstApprover, String secondApprover, Long auditEntry) {
    }

    /** A partner's contributions of a period and asset; the weight depends on the policy's factors. */
    public record Weight(String asset, String partner, long spend, long referrals, long coCreation) {
        public java.math.BigInteger weight(WeightFactors factors) {
            return factors.weight(spend, referrals, coCreation);
        }
    }

    private static final String PERIOD_COLS = "id, start_at, end_at, state, policy_version, partners_total, "
        + "partners_done, closed_at";

    private static Period period(ResultSet rs) throws SQLException {
        int v = rs.getInt("policy_version");
        Integer version = rs.wasNull() ? null : v;
        return new Period(rs.getString("id"), Jdbc.instant(rs, "start_at"), Jdbc.instant(rs, "end_at"),
            rs.getString("state"), version, rs.getInt("partners_total"), rs.getInt("partners_done"),
            Jdbc.instant(rs, "closed_at"));
    }

    public void ensurePeriod(Instant start, Instant end) {
        jdbc.update("insert into economy.settlement_period (id, start_at, end_at) values (?, ?, ?) "
            + "on conflict do nothing", ps -> {
                ps.setString(1, periodId(start));
                ps.setObject(2, Jdbc.ts(start));
                ps.setObject(3, Jdbc.ts(end));
            });
    }

    /** The period's state, the row held FOR SHARE so a close (FOR UPDATE) waits for this transaction. */
    public Optional<String> stateForShare(String id) {
        return jdbc.query("select state from economy.settlement_period where id = ? for share",
            ps -> ps.setString(1, id), rs -> rs.getString(1)).stream().findFirst();
    }

    public Optional<Period> find(String id) {
        return jdbc.query("select " + PERIOD_COLS + " from economy.settlement_period where id = ?",
            ps -> ps.setString(1, id), SettlementStore::period).stream().findFirst();
    }

    /** Newest first, before {@code cursor} (a period id, exclusive). */
    public List<Period> periods(String cursor, int limit) {
        return jdbc.query("select " + PERIOD_COLS + " from economy.settlement_period where (?::text is null or id < ?) "
            + "order by id desc limit ?", ps -> {
                ps.setString(1, cursor);
                ps.setString(2, cursor);
                ps.setInt(3, limit);
            }, SettlementStore::period);
    }

    /** The oldest OPEN period that has ended, locked; every earlier one is allocated already. */
    public Optional<Period> lockOldestDueOpen(Instant now) {
        return jdbc.query("select " + PERIOD_COLS + " from economy.settlement_period where id = (select id from "
            + "economy.settlement_period where state = 'OPEN' order by start_at limit 1) and end_at <= ? "
            + "for update skip locked", ps -> ps.setObject(1, Jdbc.ts(now)), SettlementStore::period)
            .stream().findFirst();
    }

    /** A CLOSING period whose payouts are all allocated and paid, locked. */
    public Optional<Period> lockSettled() {
        return jdbc.query("select " + PERIOD_COLS + " from economy.settlement_period s where state = 'CLOSING' and "
            + "not exists (select 1 from economy.settlement_payout p where p.period_id = s.id and p.status <> 'PAID') and "
            + "not exists (select 1 from economy.settlement_pool o where o.period_id = s.id and o.allocating) "
            + "order by start_at limit 1 for update skip locked", ps -> { }, SettlementStore::period)
            .stream().findFirst();
    }

    public Optional<Period> periodStarting(Instant start) {
        return find(periodId(start));
    }

    public Optional<Period> lock(String id) {
        return jdbc.query("select " + PERIOD_COLS + " from economy.settlement_period where id = ? for update skip locked",
            ps -> ps.setString(1, id), SettlementStore::period).stream().findFirst();
    }

    public void startClosing(String id, int policyVersion, int partners) {
        jdbc.update("update economy.settlement_period set state = 'CLOSING', policy_version = ?, partners_total = ? "
            + "where id = ?", ps -> {
                ps.setInt(1, policyVersion);
                ps.setInt(2, partners);
                ps.setString(3, id);
            });
    }

    public void addDone(String id, int n) {
        jdbc.update("update economy.settlement_period set partners_done = partners_done + ? where id = ?", ps -> {
            ps.setInt(1, n);
            ps.setString(2, id);
        });
    }

    public void close(String id, Instant at) {
        jdbc.update("update economy.settlement_period set state = 'CLOSED', closed_at = ? where id = ?", ps -> {
            ps.setObject(1, Jdbc.ts(at));
            ps.setString(2, id);
        });
    }

    // --- what the period brought ------------------------------------------------------------------------------

    /** False when this order was recorded already (an event seen twice changes nothing). */
    public boolean addRevenue(UUID orderId, String periodId, String asset, String buyer, long revenue, long fee,
                              long pool, long auditEntry) {
        return jdbc.update("insert into economy.settlement_revenue (order_id, period_id, asset, buyer, revenue, "
            + "platform_fee, partner_pool, audit_entry) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", ps -> {
                ps.setObject(1, orderId);
                ps.setString(2, periodId);
                ps.setString(3, asset);
                ps.setString(4, buyer);
                ps.setLong(5, revenue);
                ps.setLong(6, fee);
                ps.setLong(7, pool);
                ps.setLong(8, auditEntry);
            }) == 1;
    }

    public void addWeight(String periodId, String asset, String partner, long spend, long referrals,
                          long coCreation) {
        jdbc.update("insert into economy.settlement_weight (period_id, asset, partner, spend, referrals, co_creation) "
            + "values (?, ?, ?, ?, ?, ?) on conflict (period_id, asset, partner) do update set "
            + "spend = economy.settlement_weight.spend + excluded.spend, "
            + "referrals = economy.settlement_weight.referrals + excluded.referrals, "
            + "co_creation = economy.settlement_weight.co_creation + excluded.co_creation", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, asset);
                ps.setString(3, partner);
                ps.setLong(4, spend);
                ps.setLong(5, referrals);
                ps.setLong(6, coCreation);
            });
    }

    /** The period's inflow to the partner pool per asset, summed in the database (10^6 orders never reach the heap). */
    public java.util.Map<String, Long> inflows(String periodId) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.query("select asset, sum(partner_pool)::bigint from economy.settlement_revenue where period_id = ? "
            + "group by asset", ps -> ps.setString(1, periodId), rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Weights of a period and asset in partner order (the order ties of the largest remainder go by). */
    public List<Weight> weights(String periodId, String asset) {
        return jdbc.query("select asset, partner, spend, referrals, co_creation from economy.settlement_weight where "
            + "period_id = ? and asset = ? order by partner", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, asset);
            }, SettlementStore::weight);
    }

    public List<Weight> weightsOf(String partner, String periodId) {
        return jdbc.query("select asset, partner, spend, referrals, co_creation from economy.settlement_weight where "
            + "partner = ? and period_id = ? order by asset", ps -> {
                ps.setString(1, partner);
                ps.setString(2, periodId);
            }, SettlementStore::weight);
    }

    private static Weight weight(ResultSet rs) throws SQLException {
        return new Weight(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    public List<String> periodsOf(String partner) {
        return jdbc.query("select distinct period_id from economy.settlement_weight where partner = ? "
            + "order by period_id desc limit 200", ps -> ps.setString(1, partner), rs -> rs.getString(1));
    }

    /** Assets with revenue in the period. */
    public List<String> assets(String periodId) {
        return jdbc.query("select distinct asset from economy.settlement_revenue where period_id = ? union "
            + "select distinct asset from economy.settlement_weight where period_id = ?", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, periodId);
            }, rs -> rs.getString(1));
    }

    // --- pools and payouts ----------------------------------------------------------------------------------

    /** What earlier periods left undistributed, per asset: the latest allocated period before {@code start}. */
    public List<Pool> carried(Instant start) {
        return jdbc.query("select distinct on (p.asset) p.period_id, p.asset, p.inflow, p.carried_in, p.total_weight, "
            + "p.distributed, p.undistributed, p.audit_entry, p.spend_bps, p.referrals_bps, p.co_creation_bps from "
            + "economy.settlement_pool p join "
            + "economy.settlement_period s on s.id = p.period_id where s.start_at < ? order by p.asset, s.start_at desc",
            ps -> ps.setObject(1, Jdbc.ts(start)), SettlementStore::pool);
    }

    private static Pool pool(ResultSet rs) throws SQLException {
        return new Pool(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)
            .toPlainString(), rs.getLong(6), rs.getLong(7), rs.getLong(8),
            new WeightFactors(rs.getInt(9), rs.getInt(10), rs.getInt(11)));
    }

    /** The pool with its cut; {@code allocating} while its payouts are still to be inserted in chunks. */
    public void addPool(Pool p, Cut cut, boolean allocating) {
        jdbc.update("insert into economy.settlement_pool (period_id, asset, inflow, carried_in, total_weight, "
            + "distributed, undistributed, audit_entry, allocating, cut_remainder, cut_partner, partners, spend_bps, "
            + "referrals_bps, co_creation_bps) values (?, ?, ?, ?, ?::numeric, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setString(1, p.periodId());
                ps.setString(2, p.asset());
                ps.setLong(3, p.inflow());
                ps.setLong(4, p.carriedIn());
                ps.setString(5, p.totalWeight());
                ps.setLong(6, p.distributed());
                ps.setLong(7, p.undistributed());
                ps.setLong(8, p.auditEntry());
                ps.setBoolean(9, allocating);
                ps.setBigDecimal(10, cut.cutRemainder());
                ps.setString(11, cut.cutPartner());
                ps.setInt(12, cut.partners());
                ps.setInt(13, p.factors().spendBps());
                ps.setInt(14, p.factors().referralsBps());
                ps.setInt(15, p.factors().coCreationBps());
            });
    }

    public List<Pool> pools(String periodId) {
        return jdbc.query("select period_id, asset, inflow, carried_in, total_weight, distributed, undistributed, "
            + "audit_entry, spend_bps, referrals_bps, co_creation_bps from economy.settlement_pool where period_id = ? "
            + "order by asset",
            ps -> ps.setString(1, periodId), SettlementStore::pool);
    }

    /**
     * The largest-remainder cut of a pool over the period's weights (see {@link RemainderCut}), in SQL with exact
     * numeric: the total weight W, the leftover units {@code pool - Σ floor(pool*w/W)}, the (remainder, partner) of the
     * last of the leftover winners in the order remainder descending, partner ascending (the order of
     * {@link #weights}), and how many payouts it makes. Set-based: a few scans and one sort in the database.
     */
    public record Cut(BigDecimal totalWeight, long leftover, BigDecimal cutRemainder, String cutPartner, int partners) {
    }

    /** The positive weights of a period and asset under the factors (two parameters: period, asset). */
    private static String positive(WeightFactors f) {
        return "(select partner, " + f.sql() + " as w from economy.settlement_weight where period_id = ? and "
            + "asset = ? and " + f.sql() + " > 0) q";
    }

    public Cut cut(String periodId, String asset, long pool, WeightFactors factors) {
        String positive = positive(factors);
        BigDecimal total = jdbc.query("select coalesce(sum(w), 0) from " + positive, ps -> {
            ps.setString(1, periodId);
            ps.setString(2, asset);
        }, rs -> rs.getBigDecimal(1)).get(0);
        if (total.signum() == 0 || pool == 0) {
            return new Cut(total, 0, null, null, 0);
        }
        BigDecimal p = BigDecimal.valueOf(pool);
        long floors = jdbc.query("select coalesce(sum(div(?::numeric * w, ?::numeric)), 0) from " + positive, ps -> {
            ps.setBigDecimal(1, p);
            ps.setBigDecimal(2, total);
            ps.setString(3, periodId);
            ps.setString(4, asset);
        }, rs -> rs.getBigDecimal(1)).get(0).longValueExact();
        long leftover = pool - floors;
        BigDecimal[] cutRemainder = {null};
        String[] cutPartner = {null};
        if (leftover > 0) {
            jdbc.query("select mod(?::numeric * w, ?::numeric) as r, partner from " + positive
                + " order by r desc, partner offset ? limit 1", ps -> {
                    ps.setBigDecimal(1, p);
                    ps.setBigDecimal(2, total);
                    ps.setString(3, periodId);
                    ps.setString(4, asset);
                    ps.setLong(5, leftover - 1);
                }, rs -> {
                    cutRemainder[0] = rs.getBigDecimal(1);
                    cutPartner[0] = rs.getString(2);
                    return null;
                });
        }
        int partners = jdbc.query("select count(*) from (select partner, " + SHARE + " as amount from " + positive
            + ") s where amount > 0", ps -> {
                int i = bindShare(ps, 1, p, total, cutRemainder[0], cutPartner[0]);
                ps.setString(i++, periodId);
                ps.setString(i, asset);
            }, rs -> rs.getInt(1)).get(0);
        return new Cut(total, leftover, cutRemainder[0], cutPartner[0], partners);
    }

    /** A partner's part: floor(pool*w/W), plus one if (remainder, partner) is at or before the cut (10 parameters). */
    private static final String SHARE = "div(?::numeric * w, ?::numeric) + case when ?::numeric is not null and "
        + "(mod(?::numeric * w, ?::numeric) > ?::numeric or (mod(?::numeric * w, ?::numeric) = ?::numeric and "
        + "partner <= ?::text)) then 1 else 0 end";

    private static int bindShare(PreparedStatement ps, int i, BigDecimal pool, BigDecimal total, BigDecimal cutR,
                                 String cutP) throws SQLException {
        ps.setBigDecimal(i++, pool);
        ps.setBigDecimal(i++, total);
        ps.setBigDecimal(i++, cutR);
        ps.setBigDecimal(i++, pool);
        ps.setBigDecimal(i++, total);
        ps.setBigDecimal(i++, cutR);
        ps.setBigDecimal(i++, pool);
        ps.setBigDecimal(i++, total);
        ps.setBigDecimal(i++, cutR);
        ps.setString(i++, cutP);
        return i;
    }

    /** A pool whose payouts are still being inserted, with its cut and how far its chunks got. */
    public record Allocating(String periodId, String asset, long pool, BigDecimal totalWeight, BigDecimal cutRemainder,
                             String cutPartner, String allocatedThrough, int partners, long distributed,
                             WeightFactors factors) {
    }

    /** The oldest pool still allocating, locked (another instance takes another pool or waits a tick). */
    public Optional<Allocating> lockAllocating() {
        return jdbc.query("select period_id, asset, inflow + carried_in, total_weight, cut_remainder, cut_partner, "
            + "allocated_through, partners, distributed, spend_bps, referrals_bps, co_creation_bps from "
            + "economy.settlement_pool where allocating order by period_id, asset limit 1 for update skip locked",
            ps -> { }, rs -> new Allocating(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9),
                new WeightFactors(rs.getInt(10), rs.getInt(11), rs.getInt(12))))
            .stream().findFirst();
    }

    /** What one chunk did: the last partner it read (null: none) and how many weight rows it read. */
    public record Chunk(String last, int read) {
    }

    /**
     * Inserts the payouts of the next {@code limit} partners (by weight row, in partner order) after the pool's cursor,
     * computed in the database: amount as {@link #SHARE}, status AWAITING_APPROVAL above {@code threshold}, the id
     * {@code UUID.nameUUIDFromBytes("economy.payout|period|asset|partner")} (MD5, version 3, as PeriodClose.payoutId).
     */
    public Chunk allocateChunk(Allocating a, int limit, long threshold) {
        String sql = "with c as (select partner, greatest(0, " + a.factors().sql() + ") as w from "
            + "economy.settlement_weight where period_id = ? and asset = ? and (?::text is null or partner > ?::text) "
            + "order by partner limit ?), "
            + "s as (select partner, w, " + SHARE + " as amount from c where w > 0), "
            + "h as (select partner, w, amount, md5('economy.payout|' || ?::text || '|' || ?::text || '|' || partner) "
            + "as h from s where amount > 0), "
            + "i as (insert into economy.settlement_payout (id, period_id, asset, partner, weight, amount, status) "
            + "select (substr(h, 1, 12) || '3' || substr(h, 14, 3) || substr('89ab', "
            + "(('x' || substr(h, 17, 1))::bit(4)::int % 4) + 1, 1) || substr(h, 18))::uuid, ?, ?, partner, w, amount, "
            + "case when amount > ? then 'AWAITING_APPROVAL' else 'PENDING' end from h returning 1) "
            + "select (select count(*) from i), (select count(*) from c), (select partner from c order by partner desc "
            + "limit 1)";
        return jdbc.query(sql, ps -> {
            int i = 1;
            ps.setString(i++, a.periodId());
            ps.setString(i++, a.asset());
            ps.setString(i++, a.allocatedThrough());
            ps.setString(i++, a.allocatedThrough());
            ps.setInt(i++, limit);
            i = bindShare(ps, i, BigDecimal.valueOf(a.pool()), a.totalWeight(), a.cutRemainder(), a.cutPartner());
            ps.setString(i++, a.periodId());
            ps.setString(i++, a.asset());
            ps.setString(i++, a.periodId());
            ps.setString(i++, a.asset());
            ps.setLong(i, threshold);
        }, rs -> new Chunk(rs.getString(3), rs.getInt(2))).get(0);
    }

    public void allocatedThrough(String periodId, String asset, String partner, boolean done) {
        jdbc.update("update economy.settlement_pool set allocated_through = ?, allocating = ? where period_id = ? and "
            + "asset = ?", ps -> {
                ps.setString(1, partner);
                ps.setBoolean(2, !done);
                ps.setString(3, periodId);
                ps.setString(4, asset);
            });
    }

    /** Count and sum of the payouts of a period and asset: the last chunk checks them against the allocation. */
    public long[] payoutTotals(String periodId, String asset) {
        return jdbc.query("select count(*), coalesce(sum(amount), 0)::bigint from economy.settlement_payout where "
            + "period_id = ? and asset = ?", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, asset);
            }, rs -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
    }

    private static final String PAYOUT_COLS = "id, period_id, asset, partner, weight, amount, status, first_approver, "
        + "second_approver, audit_entry";

    private static Payout payout(ResultSet rs) throws SQLException {
        long e = rs.getLong("audit_entry");
        Long entry = rs.wasNull() ? null : e;
        return new Payout(Jdbc.uuid(rs, "id"), rs.getString("period_id"), rs.getString("asset"),
            rs.getString("partner"), rs.getBigDecimal("weight").toPlainString(), rs.getLong("amount"),
            rs.getString("status"), rs.getString("first_approver"), rs.getString("second_approver"), entry);
    }

    /** Up to {@code limit} PENDING payouts of one period and asset, locked (another instance skips them). */
    public List<Payout> lockPending(int limit) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.settlement_payout where status = 'PENDING' and "
            + "(period_id, asset) = (select period_id, asset from economy.settlement_payout where status = 'PENDING' "
            + "order by period_id, asset limit 1) order by partner limit ? for update skip locked",
            ps -> ps.setInt(1, limit), SettlementStore::payout);
    }

    public void paid(UUID id, UUID ledgerEntry, long auditEntry, Instant at) {
        jdbc.update("update economy.settlement_payout set status = 'PAID', ledger_entry = ?, audit_entry = ?, "
            + "paid_at = ? where id = ?", ps -> {
                ps.setObject(1, ledgerEntry);
                ps.setLong(2, auditEntry);
                ps.setObject(3, Jdbc.ts(at));
                ps.setObject(4, id);
            });
    }

    /** Marks a pay step's payouts PAID in one statement; the number marked (all of them, they are locked). */
    public int paidAll(List<UUID> ids, List<UUID> ledgerEntries, List<Long> auditEntries, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
            "update economy.settlement_payout p set status = 'PAID', ledger_entry = u.e::uuid, audit_entry = u.a, "
                + "paid_at = ? from unnest(?::text[], ?::text[], ?::bigint[]) as u(id, e, a) where p.id = u.id::uuid "
                + "and p.status = 'PENDING'")) {
            ps.setObject(1, Jdbc.ts(at));
            ps.setArray(2, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            ps.setArray(3, c.createArrayOf("text", ledgerEntries.stream().map(UUID::toString).toArray()));
            ps.setArray(4, c.createArrayOf("bigint", auditEntries.toArray()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    public int unpaid(String periodId) {
        return jdbc.query("select count(*) from economy.settlement_payout where period_id = ? and status <> 'PAID'",
            ps -> ps.setString(1, periodId), rs -> rs.getInt(1)).get(0);
    }

    public List<Payout> awaiting(String periodId) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.settlement_payout where period_id = ? and "
            + "status = 'AWAITING_APPROVAL' order by partner limit 100", ps -> ps.setString(1, periodId),
            SettlementStore::payout);
    }

    public Optional<Payout> lockPayout(UUID id) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.settlement_payout where id = ? for update",
            ps -> ps.setObject(1, id), SettlementStore::payout).stream().findFirst();
    }

    public void approve(UUID id, String first, String second) {
        jdbc.update("update economy.settlement_payout set first_approver = ?, second_approver = ?, status = "
            + "case when ?::text is null then status else 'PENDING' end where id = ?", ps -> {
                ps.setString(1, first);
                ps.setString(2, second);
                ps.setString(3, second);
                ps.setObject(4, id);
            });
    }

    public Optional<Payout> payoutOf(String periodId, String asset, String partner) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.settlement_payout where period_id = ? and "
            + "asset = ? and partner = ?", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, asset);
                ps.setString(3, partner);
            }, SettlementStore::payout).stream().findFirst();
    }
}
