package io.copartner.ledger.audit;

import io.copartner.ledger.audit.merkle.NodeId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL for the Merkle tree tables, on a connection enlisted in the caller's transaction. */
final class AuditStore {

    private AuditStore() {
    }

    /** Newest checkpoint row, or null for a log that never signed one. */
    static Head latestHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "select tree_size, root_hash, note, signed_at from ledger.audit_checkpoint order by tree_size desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? new Head(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4).toInstant())
                : null;
        }
    }

    /** Perfect-subtree hashes in one round trip. */
    static Map<NodeId, byte[]> nodes(Connection c, Set<NodeId> ids) throws SQLException {
        Map<NodeId, byte[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Short[] levels = new Short[ids.size()];
        Long[] idxs = new Long[ids.size()];
        int i = 0;
        for (NodeId id : ids) {
            levels[i] = (short) id.level();
            idxs[i++] = id.index();
        }
        Array la = c.createArrayOf("int2", levels);
        Array ia = c.createArrayOf("int8", idxs);
        try (PreparedStatement ps = c.prepareStatement("""
                select n.level, n.idx, n.hash from unnest(?, ?) as q(level, idx)
                join ledger.audit_node n on n.level = q.level and n.idx = q.idx""")) {
            ps.setArray(1, la);
            ps.setArray(2, ia);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new NodeId(rs.getShort(1), rs.getLong(2)), rs.getBytes(3));
                }
            }
        }
        return out;
    }

    static void insertNodes(Connection c, List<Map.Entry<NodeId, byte[]>> nodes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "insert into ledger.audit_node (level, idx, hash) values (?, ?, ?)")) {
            for (Map.Entry<NodeId, byte[]> n : nodes) {
                ps.setShort(1, (short) n.getKey().level());
                ps.setLong(2, n.getKey().index());
                ps.setBytes(3, n.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Takes up to {@code max} pending entries, oldest first, with their leaf hashes. Three statements whose plans do not
     * depend on statistics (a LIMIT on the primary key, then {@code = any} of the ids taken): the single statement
     * before (a delete semi-joined to its locking subquery) was planned as a nested loop that re-ran the subquery per
     * pending row when the statistics still said the queue was empty, so 10^5 entries loaded at once ran for minutes,
     * past the transaction's lifetime, and the sequencer stalled until an ANALYZE.
     */
    static List<Pending> claimPending(Connection c, int max) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
            "select entry_id from ledger.audit_pending order by entry_id limit ? for update skip locked")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        List<Pending> out = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return out;
        }
        java.sql.Array array = c.createArrayOf("bigint", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement("delete from ledger.audit_pending where entry_id = any (?)")) {
            ps.setArray(1, array);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
            "select id, leaf_hash from ledger.audit_entry where id = any (?) order by id")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), rs.getBytes(2)));
                }
            }
        }
        if (out.size() != ids.size()) {
            throw new SQLException("claimed " + ids.size() + " pending entries but found " + out.size());
        }
        return out;
    }

    static void insertLeaves(Connection c, long firstIndex, List<Pending> entries, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "insert into ledger.audit_leaf (leaf_index, entry_id, integrated_at) values (?, ?, ?)")) {
            long index = firstIndex;
            Timestamp ts = Timestamp.from(at);
            for (Pending p : entries) {
                ps.setLong(1, index++);
                ps.setLong(2, p.entryId());
                ps.setTimestamp(3, ts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insertCheckpoint(Connection c, long size, byte[] root, String note, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
            "insert into ledger.audit_checkpoint (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)")) {
            ps.setLong(1, size);
            ps.setBytes(2, root);
            ps.setString(3, note);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** The newest tree size queued or anchored, with when that happened; null if never. */
    static Queued lastQueued(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select tree_size, at from (
                  select tree_size, created_at as at from ledger.anchor_outbox
                  union all
                  select tree_size, anchored_at as at from ledger.audit_anchor) q
                order by tree_size desc limit 1""");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Queued(rs.getLong(1), rs.getTimestamp(2).toInstant()) : null;
        }
    }

    static void enqueueAnchor(Connection c, long size, byte[] root, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into ledger.anchor_outbox (tree_size, root_hash, next_attempt_at, created_at)
                values (?, ?, ?, ?) on conflict (tree_size) do nothing""")) {
            ps.setLong(1, size);
            ps.setBytes(2, root);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    record Head(long size, byte[] root, String note, Instant signedAt) {
    }

    record Pending(long entryId, byte[] leafHash) {
    }

    record Queued(long size, Instant at) {
    }
}
