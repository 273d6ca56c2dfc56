package io.copartner.ledger.audit;

import io.copartner.ledger.chain.AnchorReceipt;
import io.copartner.ledger.service.AnchorChainService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Drains the anchor outbox after commit: sends the newest queued checkpoint root to AuditAnchor (older queued
 * sizes are covered by it), records chain id, contract, tx, block and gas, and backs off exponentially while
 * the chain is down. Business transactions never wait for the chain.
 */
@ApplicationScoped
public class AnchorWorker {

    private static final Logger LOG = Logger.getLogger(AnchorWorker.class.getName());
    static final long MAX_BACKOFF_SECONDS = 60;

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Inject
    AnchorChainService chain;

    /** Anchors at most one checkpoint; returns whether one landed. */
    @Transactional
    public boolean anchorNext() {
        try (Connection c = dataSource.getConnection()) {
            long id;
            long size;
            byte[] root;
            int attempts;
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, tree_size, root_hash, attempts from ledger.anchor_outbox
                    where next_attempt_at <= now() order by tree_size desc limit 1 for update skip locked""");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                id = rs.getLong(1);
                size = rs.getLong(2);
                root = rs.getBytes(3);
                attempts = rs.getInt(4);
            }
            AnchorReceipt receipt;
            try {
                receipt = chain.anchor(size, root);
            } catch (RuntimeException e) {
                long backoff = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(attempts, 6));
                LOG.log(Level.WARNING, "Anchoring tree size " + size + " failed (attempt " + (attempts + 1)
                    + "), retrying in " + backoff + " s: " + e.getMessage());
                try (PreparedStatement ps = c.prepareStatement("""
                        update ledger.anchor_outbox set attempts = attempts + 1, last_error = ?,
                        next_attempt_at = now() + make_interval(secs => ?) where id = ?""")) {
                    ps.setString(1, String.valueOf(e.getMessage()));
                    ps.setLong(2, backoff);
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger.audit_anchor
                      (tree_size, root_hash, chain_id, contract, tx_hash, block_number, gas_used, anchored_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, size);
                ps.setBytes(2, root);
                ps.setLong(3, receipt.chainId());
                ps.setString(4, receipt.contract());
                ps.setString(5, receipt.txHash());
                ps.setLong(6, receipt.blockNumber());
                ps.setLong(7, receipt.gasUsed());
                ps.setTimestamp(8, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from ledger.anchor_outbox where tree_size <= ?")) {
                ps.setLong(1, size);
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("anchor outbox failed", e);
        }
    }
}
