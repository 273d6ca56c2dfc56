package io.copartner.economy.settlement;

import io.copartner.kernel.jdbc.Jdbc;
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

    public record Pool(String periodId, String asset, long inflow, long carriedIn, String totalWeight,
                       long distributed, long undistributed, long auditEntry) {
    }

    public record Payout(UUID id, String periodId, String asset, String partner, String weight, long amount,
                         String status, String firstApprover, String secondApprover, Long auditEntry) {
    }

    public record Revenue(String asset, long revenue, long platformFee, long partnerPool, long auditEntry) {
    }

    public record Weight(String asset, String partner, long spend, long referrals) {
        public long weight() {
            return Math.max(0, spend + referrals);
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

    /** A CLOSING period whose payouts are all paid, locked. */
    public Optional<Period> lockSettled() {
        return jdbc.query("select " + PERIOD_COLS + " from economy.settlement_period s where state = 'CLOSING' and "
            + "not exists (select 1 from economy.settlement_payout p where p.period_id = s.id and p.status <> 'PAID') "
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

    public void addWeight(String periodId, String asset, String partner, long spend, long referrals) {
        jdbc.update("insert into economy.settlement_weight (period_id, asset, partner, spend, referrals) "
            + "values (?, ?, ?, ?, ?) on conflict (period_id, asset, partner) do update set "
            + "spend = economy.settlement_weight.spend + excluded.spend, "
            + "referrals = economy.settlement_weight.referrals + excluded.referrals", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, asset);
                ps.setString(3, partner);
                ps.setLong(4, spend);
                ps.setLong(5, referrals);
            });
    }

    public List<Revenue> revenues(String periodId) {
        return jdbc.query("select asset, revenue, platform_fee, partner_pool, audit_entry from "
            + "economy.settlement_revenue where period_id = ? order by audit_entry", ps -> ps.setString(1, periodId),
            rs -> new Revenue(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    /** Weights of a period and asset in partner order (the order ties of the largest remainder go by). */
    public List<Weight> weights(String periodId, String asset) {
        return jdbc.query("select asset, partner, spend, referrals from economy.settlement_weight where period_id = ? "
            + "and asset = ? order by partner", ps -> {
                ps.setString(1, periodId);
                ps.setString(2, asset);
            }, rs -> new Weight(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    public List<Weight> weightsOf(String partner, String periodId) {
        return jdbc.query("select asset, partner, spend, referrals from economy.settlement_weight where partner = ? "
            + "and period_id = ? order by asset", ps -> {
                ps.setString(1, partner);
                ps.setString(2, periodId);
            }, rs -> new Weight(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
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
            + "p.distributed, p.undistributed, p.audit_entry from economy.settlement_pool p join "
            + "economy.settlement_period s on s.id = p.period_id where s.start_at < ? order by p.asset, s.start_at desc",
            ps -> ps.setObject(1, Jdbc.ts(start)), SettlementStore::pool);
    }

    private static Pool pool(ResultSet rs) throws SQLException {
        return new Pool(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)
            .toPlainString(), rs.getLong(6), rs.getLong(7), rs.getLong(8));
    }

    public void addPool(Pool p) {
        jdbc.update("insert into economy.settlement_pool (period_id, asset, inflow, carried_in, total_weight, "
            + "distributed, undistributed, audit_entry) values (?, ?, ?, ?, ?::numeric, ?, ?, ?)", ps -> {
                ps.setString(1, p.periodId());
                ps.setString(2, p.asset());
                ps.setLong(3, p.inflow());
                ps.setLong(4, p.carriedIn());
                ps.setString(5, p.totalWeight());
                ps.setLong(6, p.distributed());
                ps.setLong(7, p.undistributed());
                ps.setLong(8, p.auditEntry());
            });
    }

    public List<Pool> pools(String periodId) {
        return jdbc.query("select period_id, asset, inflow, carried_in, total_weight, distributed, undistributed, "
            + "audit_entry from economy.settlement_pool where period_id = ? order by asset",
            ps -> ps.setString(1, periodId), SettlementStore::pool);
    }

    /** Inserts payouts in JDBC batches (a close of 10^6 partners is one pass). */
    public void addPayouts(List<Payout> payouts) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
            "insert into economy.settlement_payout (id, period_id, asset, partner, weight, amount, status) "
                + "values (?, ?, ?, ?, ?::numeric, ?, ?)")) {
            int n = 0;
            for (Payout p : payouts) {
                ps.setObject(1, p.id());
                ps.setString(2, p.periodId());
                ps.setString(3, p.asset());
                ps.setString(4, p.partner());
                ps.setString(5, p.weight());
                ps.setLong(6, p.amount());
                ps.setString(7, p.status());
                ps.addBatch();
                if (++n % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
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

    /** Paid payouts of a period (amount, audit entry), for the report's distribution summary. */
    public List<Payout> paidPayouts(String periodId) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.settlement_payout where period_id = ? and "
            + "status = 'PAID' order by amount, partner", ps -> ps.setString(1, periodId), SettlementStore::payout);
    }
}
