package io.copartner.ledger.service;

import io.copartner.ledger.api.WalletSpending;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** One grouped query over the postings' (account, posted_at) index. */
@ApplicationScoped
public class WalletSpendingService implements WalletSpending {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> spentBy(Collection<String> owners, String asset, Instant from, Instant to) {
        Map<String, Long> spent = new HashMap<>();
        if (owners.isEmpty()) {
            return spent;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select a.owner, greatest(0, sum(case when e.kind = 'STANDARD' and p.amount < 0 then -p.amount
                                                     when e.kind = 'REVERSAL' and p.amount > 0 then -p.amount
                                                     else 0 end))
                from ledger.account a
                join ledger.posting p on p.account_id = a.id
                join ledger.journal_entry e on e.id = p.entry_id
                where a.owner = any (?) and a.kind = 'WALLET' and a.asset = ? and p.posted_at >= ? and p.posted_at < ?
                group by a.owner""")) {
            ps.setArray(1, c.createArrayOf("varchar", owners.toArray()));
            ps.setString(2, asset);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        spent.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("wallet spending query failed", e);
        }
        return spent;
    }
}
