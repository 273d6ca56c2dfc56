package io.copartner.economy.cocreation;

import io.copartner.kernel.jdbc.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** SQL of the co-creation tables (V6); joins the caller's transaction through the container's data source. */
public class CoCreationStore {

    final Jdbc jdbc;

    public CoCreationStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public record Share(UUID productId, int position, String did, String party, int shareBps) {
    }

    public record Line(UUID orderId, int lineNo, UUID productId, String asset, int policyVersion, int shareBps,
                       int creatorsBps, long amount, long pending, long accrued, long clawedBack, String status,
                       String periodId, Long auditEntry) {
    }

    /**
     * A co-creator's payout of one product and period: PAID ({@code ledgerEntry}, {@code auditEntry} set) or
     * AWAITING_APPROVAL (above the approval threshold: held, {@code heldEntry} its audit entry, nothing moved yet).
     */
    public record Payout(UUID id, String periodId, UUID productId, UUID proposal, String asset, String party,
                         String did, int shareBps, long productAccrued, long amount, UUID ledgerEntry,
                         Long auditEntry, String status, String firstApprover, String secondApprover,
                         Long heldEntry) {

        public static Payout paid(UUID id, String periodId, UUID productId, String asset, Share share,
                                  long productAccrued, long amount, UUID ledgerEntry, long auditEntry) {
            return new Payout(id, periodId, productId, null, asset, share.party(), share.did(), share.shareBps(),
                productAccrued, amount, ledgerEntry, auditEntry, "PAID", null, null, null);
        }

        public static Payout held(UUID id, String periodId, UUID productId, String asset, Share share,
                                  long productAccrued, long amount, long heldEntry) {
            return new Payout(id, periodId, productId, null, asset, share.party(), share.did(), share.shareBps(),
                productAccrued, amount, null, null, "AWAITING_APPROVAL", null, null, heldEntry);
        }
    }

    /** False when the product's co-creators were recorded already (an event seen twice changes nothing). */
    public boolean addProduct(UUID productId, UUID proposal, String merchantId, Instant listedAt, long auditEntry) {
        return jdbc.update("insert into economy.cocreation_product (product_id, proposal_id, merchant_id, listed_at, "
            + "audit_entry) values (?, ?, ?, ?, ?) on conflict do nothing", ps -> {
                ps.setObject(1, productId);
                ps.setObject(2, proposal);
                ps.setString(3, merchantId);
                ps.setObject(4, Jdbc.ts(listedAt));
                ps.setLong(5, auditEntry);
            }) == 1;
    }

    public void addShare(Share s) {
        jdbc.update("insert into economy.cocreation_share (product_id, position, did, party, share_bps) "
            + "values (?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, s.productId());
                ps.setInt(2, s.position());
                ps.setString(3, s.did());
                ps.setString(4, s.party());
                ps.setInt(5, s.shareBps());
            });
    }

    /** The co-creators of a product in the proposal's order (empty: not co-created). */
    public List<Share> shares(UUID productId) {
        return jdbc.query("select product_id, position, did, party, share_bps from economy.cocreation_share "
            + "where product_id = ? order by position", ps -> ps.setObject(1, productId),
            rs -> new Share(Jdbc.uuid(rs, "product_id"), rs.getInt("position"), rs.getString("did"),
                rs.getString("party"), rs.getInt("share_bps")));
    }

    public Optional<UUID> proposalOf(UUID productId) {
        return jdbc.query("select proposal_id from economy.cocreation_product where product_id = ?",
            ps -> ps.setObject(1, productId), rs -> Jdbc.uuid(rs, "proposal_id")).stream().findFirst();
    }

    public void insertLine(Line l) {
        jdbc.update("insert into economy.cocreation_line (order_id, line_no, product_id, asset, policy_version, "
            + "share_bps, creators_bps, amount, pending) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
            ps -> {
                ps.setObject(1, l.orderId());
                ps.setInt(2, l.lineNo());
                ps.setObject(3, l.productId());
                ps.setString(4, l.asset());
                ps.setInt(5, l.policyVersion());
                ps.setInt(6, l.shareBps());
                ps.setInt(7, l.creatorsBps());
                ps.setLong(8, l.amount());
                ps.setLong(9, l.pending());
            });
    }

    private static final String LINE_COLS = "order_id, line_no, product_id, asset, policy_version, share_bps, "
        + "creators_bps, amount, pending, accrued, clawed_back, status, period_id, audit_entry";

    private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
        long audit = rs.getLong("audit_entry");
        Long auditEntry = rs.wasNull() ? null : audit;
        return new Line(Jdbc.uuid(rs, "order_id"), rs.getInt("line_no"), Jdbc.uuid(rs, "product_id"),
            rs.getString("asset"), rs.getInt("policy_version"), rs.getInt("share_bps"), rs.getInt("creators_bps"),
            rs.getLong("amount"), rs.getLong("pending"), rs.getLong("accrued"), rs.getLong("clawed_back"),
            rs.getString("status"), rs.getString("period_id"), auditEntry);
    }

    /** The order's PENDING lines, locked. */
    public List<Line> lockPending(UUID orderId) {
        return jdbc.query("select " + LINE_COLS + " from economy.cocreation_line where order_id = ? and "
            + "status = 'PENDING' order by line_no for update", ps -> ps.setObject(1, orderId), CoCreationStore::line);
    }

    public void accrue(UUID orderId, int lineNo, long accrued, long clawedBack, String periodId, UUID ledgerEntry,
                       long auditEntry) {
        jdbc.update("update economy.cocreation_line set status = 'ACCRUED', accrued = ?, clawed_back = ?, "
            + "period_id = ?, ledger_entry = ?, audit_entry = ? where order_id = ? and line_no = ? and "
            + "status in ('PENDING', 'WITHHELD')", ps -> {
                ps.setLong(1, accrued);
                ps.setLong(2, clawedBack);
                ps.setString(3, periodId);
                ps.setObject(4, ledgerEntry);
                ps.setLong(5, auditEntry);
                ps.setObject(6, orderId);
                ps.setInt(7, lineNo);
            });
    }

    public int voidPending(UUID orderId) {
        return jdbc.update("update economy.cocreation_line set status = 'VOID' where order_id = ? and "
            + "status = 'PENDING'", ps -> ps.setObject(1, orderId));
    }

    /** The period's accrued lines, oldest order first. */
    public List<Line> accrued(String periodId) {
        return jdbc.query("select " + LINE_COLS + " from economy.cocreation_line where period_id = ? and "
            + "status = 'ACCRUED' order by product_id, order_id, line_no", ps -> ps.setString(1, periodId),
            CoCreationStore::line);
    }

    /** A flagged order's lines at release: their split is kept, nothing moves until the flag is decided. */
    public void withhold(UUID orderId, int lineNo, long accrued, long clawedBack, UUID receivableAccount) {
        jdbc.update("update economy.cocreation_line set status = 'WITHHELD', accrued = ?, clawed_back = ?, "
            + "receivable_account = ? where order_id = ? and line_no = ? and status = 'PENDING'", ps -> {
                ps.setLong(1, accrued);
                ps.setLong(2, clawedBack);
                ps.setObject(3, receivableAccount);
                ps.setObject(4, orderId);
                ps.setInt(5, lineNo);
            });
    }

    /** The order's WITHHELD lines, locked, with the receivable their accrual is to come from. */
    public List<Withheld> lockWithheld(UUID orderId) {
        return jdbc.query("select " + LINE_COLS + ", receivable_account from economy.cocreation_line where "
            + "order_id = ? and status = 'WITHHELD' order by line_no for update", ps -> ps.setObject(1, orderId),
            rs -> new Withheld(line(rs), Jdbc.uuid(rs, "receivable_account")));
    }

    public record Withheld(Line line, UUID receivableAccount) {
    }

    /** Confirmed fraud: the withheld lines accrue nothing, ever. */
    public int voidWithheld(UUID orderId) {
        return jdbc.update("update economy.cocreation_line set status = 'VOID' where order_id = ? and "
            + "status = 'WITHHELD'", ps -> ps.setObject(1, orderId));
    }

    // --- the payable account and payouts ----------------------------------------------------------------------

    public Optional<UUID> account(String asset) {
        return jdbc.query("select account_id from economy.cocreation_account where asset = ?",
            ps -> ps.setString(1, asset), rs -> Jdbc.uuid(rs, "account_id")).stream().findFirst();
    }

    public void insertAccount(String asset, UUID accountId) {
        jdbc.update("insert into economy.cocreation_account (asset, account_id) values (?, ?)", ps -> {
            ps.setString(1, asset);
            ps.setObject(2, accountId);
        });
    }

    /** Serialises opening the payable account of an asset (a transaction-scoped advisory lock). */
    public void lockKey(String key) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", ps -> ps.setString(1, key), rs -> 1);
    }

    public boolean hasPayouts(String periodId) {
        return !jdbc.query("select 1 from economy.cocreation_payout where period_id = ? limit 1",
            ps -> ps.setString(1, periodId), rs -> 1).isEmpty();
    }

    /** Inserts a payout as PAID at {@code at}, or held (AWAITING_APPROVAL, {@code at} ignored). */
    public void addPayout(Payout p, Instant at) {
        boolean paid = p.status().equals("PAID");
        jdbc.update("insert into economy.cocreation_payout (id, period_id, product_id, asset, party, did, share_bps, "
            + "product_accrued, amount, ledger_entry, audit_entry, paid_at, status, held_entry) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ps -> {
                ps.setObject(1, p.id());
                ps.setString(2, p.periodId());
                ps.setObject(3, p.productId());
                ps.setString(4, p.asset());
                ps.setString(5, p.party());
                ps.setString(6, p.did());
                ps.setInt(7, p.shareBps());
                ps.setLong(8, p.productAccrued());
                ps.setLong(9, p.amount());
                ps.setObject(10, p.ledgerEntry());
                ps.setObject(11, p.auditEntry());
                ps.setObject(12, paid ? Jdbc.ts(at) : null);
                ps.setString(13, p.status());
                ps.setObject(14, p.heldEntry());
            });
    }

    /** The payout, locked (empty: no co-creation payout has this id). */
    public Optional<Payout> lockPayout(UUID id) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.cocreation_payout p join economy.cocreation_product "
            + "c on c.product_id = p.product_id where p.id = ? for update of p", ps -> ps.setObject(1, id),
            CoCreationStore::payout).stream().findFirst();
    }

    public void approve(UUID id, String first, String second) {
        jdbc.update("update economy.cocreation_payout set first_approver = ?, second_approver = ? where id = ? and "
            + "status = 'AWAITING_APPROVAL'", ps -> {
                ps.setString(1, first);
                ps.setString(2, second);
                ps.setObject(3, id);
            });
    }

    public void markPaid(UUID id, UUID ledgerEntry, long auditEntry, Instant at) {
        jdbc.update("update economy.cocreation_payout set status = 'PAID', ledger_entry = ?, audit_entry = ?, "
            + "paid_at = ? where id = ? and status = 'AWAITING_APPROVAL'", ps -> {
                ps.setObject(1, ledgerEntry);
                ps.setLong(2, auditEntry);
                ps.setObject(3, Jdbc.ts(at));
                ps.setObject(4, id);
            });
    }

    /** The period's payouts held for four eyes (at most 100, as the admin screen lists them). */
    public List<Payout> awaiting(String periodId) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.cocreation_payout p join "
            + "economy.cocreation_product c on c.product_id = p.product_id where p.period_id = ? and "
            + "p.status = 'AWAITING_APPROVAL' order by p.asset, p.product_id, p.party limit 100",
            ps -> ps.setString(1, periodId), CoCreationStore::payout);
    }

    private static final String PAYOUT_COLS = "p.id, p.period_id, p.product_id, c.proposal_id, p.asset, p.party, "
        + "p.did, p.share_bps, p.product_accrued, p.amount, p.ledger_entry, p.audit_entry, p.status, "
        + "p.first_approver, p.second_approver, p.held_entry";

    private static Payout payout(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Payout(Jdbc.uuid(rs, "id"), rs.getString("period_id"), Jdbc.uuid(rs, "product_id"),
            Jdbc.uuid(rs, "proposal_id"), rs.getString("asset"), rs.getString("party"), rs.getString("did"),
            rs.getInt("share_bps"), rs.getLong("product_accrued"), rs.getLong("amount"),
            Jdbc.uuid(rs, "ledger_entry"), nullableLong(rs, "audit_entry"), rs.getString("status"),
            rs.getString("first_approver"), rs.getString("second_approver"), nullableLong(rs, "held_entry"));
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public List<Payout> payouts(String periodId) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.cocreation_payout p join "
            + "economy.cocreation_product c on c.product_id = p.product_id where p.period_id = ? "
            + "order by p.asset, p.product_id, p.party", ps -> ps.setString(1, periodId), CoCreationStore::payout);
    }

    public List<Payout> payoutsOf(String party, String periodId) {
        return jdbc.query("select " + PAYOUT_COLS + " from economy.cocreation_payout p join "
            + "economy.cocreation_product c on c.product_id = p.product_id where p.party = ? and p.period_id = ? "
            + "order by p.asset, p.product_id", ps -> {
                ps.setString(1, party);
                ps.setString(2, periodId);
            }, CoCreationStore::payout);
    }

    /** Periods with a payout to the party, or with an accrual on a product they co-created (newest first). */
    public List<String> periodsOf(String party) {
        return jdbc.query("select period_id from economy.cocreation_payout where party = ? union "
            + "select l.period_id from economy.cocreation_line l join economy.cocreation_share s on "
            + "s.product_id = l.product_id where s.party = ? and l.status = 'ACCRUED' order by 1 desc limit 200",
            ps -> {
                ps.setString(1, party);
                ps.setString(2, party);
            }, rs -> rs.getString(1));
    }

    /** Products the party co-created that accrued in the period (for a period not paid yet). */
    public List<UUID> accruingProductsOf(String party, String periodId) {
        return jdbc.query("select distinct l.product_id from economy.cocreation_line l join economy.cocreation_share s "
            + "on s.product_id = l.product_id where s.party = ? and l.period_id = ? and l.status = 'ACCRUED' "
            + "order by 1", ps -> {
                ps.setString(1, party);
                ps.setString(2, periodId);
            }, rs -> Jdbc.uuid(rs, "product_id"));
    }
}
