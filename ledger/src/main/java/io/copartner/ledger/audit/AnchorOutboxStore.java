package io.copartner.ledger.audit;

import io.copartner.ledger.chain.AnchorReceipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * SQL of the anchor outbox's three steps (claim, note the tx, record) and of what reconciliation reads, on a
 * connection in the caller's transaction. Each step is one short transaction; the chain is never called here.
 */
final class AnchorOutboxStore {

    /** Advisory lock key that makes claiming single across Liberty instances ("CPANCHR" in spirit). */
    static final long CLAIM_LOCK = 0x4350_414e_4348_52L;

    private AnchorOutboxStore() {
    }

    /** An outbox row leased to this instance; {@code txHash} is the transaction an earlier attempt sent, if any. */
    record Claim(long id, long treeSize, byte[] root, int attempts, String txHash) {
    }

    /** The newest anchor recorded for a contract (0, 0 when none). */
    record Recorded(long treeSize, long blockNumber) {
    }

    /**
     * Leases the newest due row to {@code instance}, unless another instance holds a live lease on any row: one
     * anchor is in flight platform-wide, since every instance signs with the same key and nonce sequence. A row
     * this instance leased before (a tick that failed half-way, or this instance before a restart) is its own.
     * A row with a sent transaction and no failed attempt comes first: a dead holder's anchor is settled (recorded
     * if mined, waited for if pending) before a newer size is sent, so every anchor sent is recorded and none is
     * sent twice. Once such a row has failed, the newest size goes first again, so one stuck size blocks nothing.
     */
    static Optional<Claim> claim(Connection c, String instance, long leaseSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, CLAIM_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update ledger.anchor_outbox set claimed_by = ?, claimed_until = now() + make_interval(secs => ?)
                where id = (select id from ledger.anchor_outbox where next_attempt_at <= now()
                            order by (tx_hash is not null and attempts = 0) desc, tree_size desc limit 1)
                  and not exists (select 1 from ledger.anchor_outbox
                                  where claimed_until > now() and claimed_by <> ?)
                returning id, tree_size, root_hash, attempts, tx_hash""")) {
            ps.setString(1, instance);
            ps.setLong(2, leaseSeconds);
            ps.setString(3, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                    ? Optional.of(new Claim(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getInt(4), rs.getString(5)))
                    : Optional.empty();
            }
        }
    }

    /**
     * The lease holder's heartbeat: pushes its lease {@code leaseSeconds} ahead. Returns false when the row is gone
     * (recorded meanwhile) or leased to another instance (this one was presumed dead): the caller no longer holds it.
     */
    static boolean renew(Connection c, long id, String instance, long leaseSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update ledger.anchor_outbox set claimed_until = now() + make_interval(secs => ?)
                where id = ? and claimed_by = ?""")) {
            ps.setLong(1, leaseSeconds);
            ps.setLong(2, id);
            ps.setString(3, instance);
            return ps.executeUpdate() == 1;
        }
    }

    /** Writes down the hash of the transaction just broadcast for this row. */
    static void noteTx(Connection c, long id, String instance, String txHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "update ledger.anchor_outbox set tx_hash = ? where id = ? and claimed_by = ?")) {
            ps.setString(1, txHash);
            ps.setLong(2, id);
            ps.setString(3, instance);
            ps.executeUpdate();
        }
    }

    /**
     * Records a mined anchor once (a second record of the same size or tx does nothing) and drops every queued
     * size it covers. Returns whether this call inserted it.
     */
    static boolean record(Connection c, AnchorReceipt r, byte[] root) throws SQLException {
        boolean inserted;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into ledger.audit_anchor
                  (tree_size, root_hash, chain_id, contract, tx_hash, block_number, gas_used, anchored_at)
                values (?, ?, ?, ?, ?, ?, ?, now()) on conflict do nothing""")) {
            ps.setLong(1, r.treeSize());
            ps.setBytes(2, root);
            ps.setLong(3, r.chainId());
            ps.setString(4, r.contract());
            ps.setString(5, r.txHash());
            ps.setLong(6, r.blockNumber());
            ps.setLong(7, r.gasUsed());
            inserted = ps.executeUpdate() == 1;
        }
        try (PreparedStatement ps = c.prepareStatement("delete from ledger.anchor_outbox where tree_size <= ?")) {
            ps.setLong(1, r.treeSize());
            ps.executeUpdate();
        }
        return inserted;
    }

    /** A failed attempt: count it, keep the error, back off, and give the lease up (the tx hash is kept). */
    static void fail(Connection c, long id, String instance, String error, long backoffSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update ledger.anchor_outbox set attempts = attempts + 1, last_error = ?,
                  next_attempt_at = now() + make_interval(secs => ?), claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ?""")) {
            ps.setString(1, error);
            ps.setLong(2, backoffSeconds);
            ps.setLong(3, id);
            ps.setString(4, instance);
            ps.executeUpdate();
        }
    }

    static boolean queued(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from ledger.anchor_outbox where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Recorded recorded(Connection c, String contract) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select coalesce(max(tree_size), 0), coalesce(max(block_number), 0) from ledger.audit_anchor
                where lower(contract) = lower(?)""")) {
            ps.setString(1, contract);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Recorded(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    static Optional<byte[]> checkpointRoot(Connection c, long treeSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "select root_hash from ledger.audit_checkpoint where tree_size = ?")) {
            ps.setLong(1, treeSize);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }
}
