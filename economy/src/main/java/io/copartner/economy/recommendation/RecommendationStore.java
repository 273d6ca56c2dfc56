package io.copartner.economy.recommendation;

import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The consent and derived-profile tables (V7__recommendations.sql), in the caller's transaction. */
@ApplicationScoped
public class RecommendationStore {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private volatile Jdbc jdbc;

    private Jdbc jdbc() {
        if (jdbc == null) {
            jdbc = new Jdbc(dataSource);
        }
        return jdbc;
    }

    record Consent(boolean granted, Instant updatedAt, long auditEntryId) {
    }

    /** A product the partner bought: net units over all orders, the merchant, the latest purchase. */
    record Purchase(UUID productId, String merchantId, long units, Instant lastBoughtAt) {
    }

    /** Other partners who bought both {@code via} (one of the viewer's, null for any) and {@code candidate}. */
    record CoPurchase(UUID candidate, UUID via, int coBuyers) {
    }

    record Change(String party, boolean granted, Instant at, long auditEntryId) {
    }

    Optional<Consent> consent(String party, String purpose) {
        return jdbc().query("select granted, updated_at, audit_entry_id from economy.consent where party = ? and purpose = ?",
            ps -> {
                ps.setString(1, party);
                ps.setString(2, purpose);
            }, rs -> new Consent(rs.getBoolean(1), Jdbc.instant(rs, "updated_at"), rs.getLong(3))).stream().findFirst();
    }

    /** Serialises changes of one partner's consent and profile until the transaction ends. */
    void lockParty(String party) {
        jdbc().query("select pg_advisory_xact_lock(hashtext('economy.consent:' || ?))", ps -> ps.setString(1, party),
            rs -> 0);
    }

    void saveConsent(String party, String purpose, boolean granted, Instant at, long auditEntryId) {
        jdbc().update("""
            insert into economy.consent (party, purpose, granted, updated_at, audit_entry_id) values (?, ?, ?, ?, ?)
            on conflict (party, purpose) do update set granted = excluded.granted, updated_at = excluded.updated_at,
              audit_entry_id = excluded.audit_entry_id""", ps -> {
                ps.setString(1, party);
                ps.setString(2, purpose);
                ps.setBoolean(3, granted);
                ps.setObject(4, Jdbc.ts(at));
                ps.setLong(5, auditEntryId);
            });
        jdbc().update("insert into economy.consent_change (party, purpose, granted, at, audit_entry_id) values (?, ?, ?, ?, ?)",
            ps -> {
                ps.setString(1, party);
                ps.setString(2, purpose);
                ps.setBoolean(3, granted);
                ps.setObject(4, Jdbc.ts(at));
                ps.setLong(5, auditEntryId);
            });
    }

    /** Every change of {@code purpose} before {@code end}, oldest first. */
    List<Change> changesBefore(String purpose, Instant end) {
        return jdbc().query("""
            select party, granted, at, audit_entry_id from economy.consent_change where purpose = ? and at < ?
            order by seq""", ps -> {
                ps.setString(1, purpose);
                ps.setObject(2, Jdbc.ts(end));
            }, rs -> new Change(rs.getString(1), rs.getBoolean(2), Jdbc.instant(rs, "at"), rs.getLong(4)));
    }

    // --- the derived profile ----------------------------------------------------------------------------------

    /** Sets the net units of one product in one order (0 removes it). */
    void setUnits(String party, UUID orderId, UUID productId, String merchantId, long units, Instant boughtAt) {
        if (units <= 0) {
            jdbc().update("delete from economy.reco_purchase where party = ? and order_id = ? and product_id = ?", ps -> {
                ps.setString(1, party);
                ps.setObject(2, orderId);
                ps.setObject(3, productId);
            });
            return;
        }
        jdbc().update("""
            insert into economy.reco_purchase (party, order_id, product_id, merchant_id, units, bought_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (party, order_id, product_id) do update set units = excluded.units""", ps -> {
                ps.setString(1, party);
                ps.setObject(2, orderId);
                ps.setObject(3, productId);
                ps.setString(4, merchantId);
                ps.setLong(5, units);
                ps.setObject(6, Jdbc.ts(boughtAt));
            });
    }

    void deleteOrder(String party, UUID orderId) {
        jdbc().update("delete from economy.reco_purchase where party = ? and order_id = ?", ps -> {
            ps.setString(1, party);
            ps.setObject(2, orderId);
        });
    }

    int deleteProfile(String party) {
        return jdbc().update("delete from economy.reco_purchase where party = ?", ps -> ps.setString(1, party));
    }

    List<Purchase> purchases(String party) {
        return jdbc().query("""
            select product_id, min(merchant_id) as merchant_id, sum(units) as units, max(bought_at) as bought_at
            from economy.reco_purchase where party = ? group by product_id order by max(bought_at) desc, product_id""",
            ps -> ps.setString(1, party),
            rs -> new Purchase(Jdbc.uuid(rs, "product_id"), rs.getString("merchant_id"), rs.getLong("units"),
                Jdbc.instant(rs, "bought_at")));
    }

    /** How many distinct products the party's profile holds (what a consent change built or deleted). */
    int profileProducts(String party) {
        return jdbc().query("select count(distinct product_id) from economy.reco_purchase where party = ?",
            ps -> ps.setString(1, party), rs -> rs.getInt(1)).get(0);
    }

    /**
     * Co-purchase counts of candidates (products the viewer has not bought) among other profiles that hold one of
     * the viewer's products: {@code perVia} per candidate and viewer's product, {@code perCandidate} the distinct
     * other partners per candidate (whatever they bought of the viewer's). One pass: the second figure is a grouping
     * set of the first. Profiles exist only of partners who consent, so nobody else's purchases are counted.
     */
    CoPurchases coPurchases(String party) {
        List<CoPurchase> perVia = new java.util.ArrayList<>();
        List<CoPurchase> perCandidate = new java.util.ArrayList<>();
        jdbc().query("""
            with mine as (select distinct product_id from economy.reco_purchase where party = ?),
                 peers as (select distinct p.party, p.product_id as via from economy.reco_purchase p
                           join mine m on m.product_id = p.product_id where p.party <> ?)
            select o.product_id as candidate, peers.via, count(distinct o.party) as co_buyers,
                   grouping(peers.via) as per_candidate
            from economy.reco_purchase o join peers on peers.party = o.party
            where o.product_id not in (select product_id from mine)
            group by grouping sets ((o.product_id, peers.via), (o.product_id))""", ps -> {
                ps.setString(1, party);
                ps.setString(2, party);
            }, rs -> {
                boolean total = rs.getInt("per_candidate") == 1;
                CoPurchase c = new CoPurchase(Jdbc.uuid(rs, "candidate"), total ? null : Jdbc.uuid(rs, "via"),
                    rs.getInt("co_buyers"));
                return (total ? perCandidate : perVia).add(c);
            });
        return new CoPurchases(perVia, perCandidate);
    }

    record CoPurchases(List<CoPurchase> perVia, List<CoPurchase> perCandidate) {
    }
}
