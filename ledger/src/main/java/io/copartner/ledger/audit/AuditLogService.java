package io.copartner.ledger.audit;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.audit.AuditStore.Head;
import io.copartner.ledger.audit.merkle.NodeId;
import io.copartner.ledger.audit.merkle.Rfc9162;
import io.copartner.ledger.audit.note.NoteVerifier;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/** Reads of the audit log. Proofs are only served for sizes that a signed checkpoint covers. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditLogService implements AuditLog {

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Inject
    CheckpointKeys keys;

    @Inject
    AuditIntegrator integrator;

    @Override
    public SignedCheckpoint latestCheckpoint() {
        Head head = query(AuditStore::latestHead);
        if (head == null) {
            integrator.integrateBatch(); // the very first call: sign the empty tree
            head = query(AuditStore::latestHead);
        }
        return new SignedCheckpoint(keys.origin(), head.size(), head.root(), head.note(), head.signedAt());
    }

    @Override
    public Optional<Entry> entry(long index) {
        if (index < 0) {
            throw ProblemException.badRequest("index must be >= 0");
        }
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select l.leaf_index, e.id, e.type, e.subject, e.canonical, e.leaf_hash, e.recorded_at
                    from ledger.audit_leaf l join ledger.audit_entry e on e.id = l.entry_id where l.leaf_index = ?""")) {
                ps.setLong(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getTimestamp(7).toInstant()))
                        : Optional.<Entry>empty();
                }
            }
        });
    }

    @Override
    public OptionalLong leafIndexOf(long entryId) {
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select leaf_index from ledger.audit_leaf where entry_id = ?")) {
                ps.setLong(1, entryId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    @Override
    public Map<Long, Long> leafIndexesOf(java.util.Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                "select entry_id, leaf_index from ledger.audit_leaf where entry_id = any (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", entryIds.toArray()));
                Map<Long, Long> found = new java.util.HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), rs.getLong(2));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public List<byte[]> inclusionProof(long index, long treeSize) {
        long signed = latestCheckpoint().treeSize();
        if (treeSize < 1 || treeSize > signed) {
            throw ProblemException.badRequest("treeSize must be between 1 and the signed tree size " + signed);
        }
        if (index < 0 || index >= treeSize) {
            throw ProblemException.badRequest("index must be between 0 and treeSize - 1");
        }
        return query(c -> Rfc9162.inclusionProof(index, treeSize,
            AuditStore.nodes(c, Rfc9162.nodesForInclusion(index, treeSize))));
    }

    @Override
    public List<byte[]> consistencyProof(long from, long to) {
        long signed = latestCheckpoint().treeSize();
        if (to > signed) {
            throw ProblemException.badRequest("to must not exceed the signed tree size " + signed);
        }
        if (from < 0 || from > to) {
            throw ProblemException.badRequest("from must be between 0 and to");
        }
        return query(c -> Rfc9162.consistencyProof(from, to,
            AuditStore.nodes(c, Rfc9162.nodesForConsistency(from, to))));
    }

    @Override
    public List<Anchor> anchors(Long beforeTreeSize, int limit) {
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select tree_size, root_hash, chain_id, contract, tx_hash, block_number, gas_used, anchored_at
                    from ledger.audit_anchor where tree_size < ? order by tree_size desc limit ?""")) {
                ps.setLong(1, beforeTreeSize == null ? Long.MAX_VALUE : beforeTreeSize);
                ps.setInt(2, limit);
                List<Anchor> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Anchor(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public CheckpointKey checkpointKey() {
        return new CheckpointKey(keys.origin(), keys.publicKey(), keys.signer().verifierKey());
    }

    /**
     * Recomputes every leaf hash from its stored canonical text and compares it with the entry row and the
     * tree's level-0 node, then the root from the nodes with the signed checkpoint, and the note signature.
     */
    @Override
    public SelfCheck selfCheck() {
        SignedCheckpoint cp = latestCheckpoint();
        List<String> problems = new ArrayList<>();
        if (!NoteVerifier.verify(cp.note(), keys.origin(),
            io.copartner.ledger.audit.note.NoteSigner.publicKeyFromRaw(keys.publicKey()))) {
            problems.add("checkpoint " + cp.treeSize() + ": signature does not verify");
        }
        long checked = query(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    select l.leaf_index, e.canonical, e.leaf_hash, n.hash
                    from ledger.audit_leaf l join ledger.audit_entry e on e.id = l.entry_id
                    left join ledger.audit_node n on n.level = 0 and n.idx = l.leaf_index
                    where l.leaf_index < ? order by l.leaf_index""")) {
                ps.setLong(1, cp.treeSize());
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    long expected = 0;
                    while (rs.next() && problems.size() < 100) {
                        long index = rs.getLong(1);
                        if (index != expected) {
                            problems.add("leaf " + expected + ": missing");
                            expected = index;
                        }
                        byte[] recomputed = Rfc9162.leafHash(rs.getString(2).getBytes(StandardCharsets.UTF_8));
                        if (!Arrays.equals(recomputed, rs.getBytes(3))) {
                            problems.add("leaf " + index + ": entry text does not hash to its stored leaf hash");
                        }
                        if (!Arrays.equals(recomputed, rs.getBytes(4))) {
                            problems.add("leaf " + index + ": entry text does not match the tree");
                        }
                        expected++;
                        n++;
                    }
                    if (expected < cp.treeSize() && problems.size() < 100) {
                        problems.add("leaves " + expected + ".." + (cp.treeSize() - 1) + ": missing");
                    }
                }
            }
            return n;
        });
        byte[] root = query(c -> Rfc9162.root(cp.treeSize(), AuditStore.nodes(c, Rfc9162.nodesForRoot(cp.treeSize()))));
        if (!Arrays.equals(root, cp.rootHash())) {
            problems.add("tree nodes give root " + Hashes.hex(root) + ", the checkpoint signed "
                + Hashes.hex(cp.rootHash()));
        }
        return new SelfCheck(problems.isEmpty(), cp.treeSize(), checked, problems);
    }

    private <T> T query(SqlFunction<T> f) {
        try (Connection c = dataSource.getConnection()) {
            return f.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("audit log read failed", e);
        }
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }
}
