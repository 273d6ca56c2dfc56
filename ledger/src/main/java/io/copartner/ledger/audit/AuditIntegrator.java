package io.copartner.ledger.audit;

import io.copartner.ledger.audit.AuditStore.Head;
import io.copartner.ledger.audit.AuditStore.Pending;
import io.copartner.ledger.audit.AuditStore.Queued;
import io.copartner.ledger.audit.merkle.MerkleFrontier;
import io.copartner.ledger.audit.merkle.NodeId;
import io.copartner.ledger.audit.merkle.Rfc9162;
import io.copartner.ledger.audit.note.Checkpoint;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single sequencer (as in Trillian/Tessera): takes committed pending entries in batches, gives them leaf
 * indexes, appends them to the tree with O(log n) work each, and signs a checkpoint for the new size, all in
 * one transaction. A PostgreSQL advisory lock keeps it single across Liberty instances. Before signing it
 * proves the new tree consistent with the previous checkpoint from the stored nodes, and refuses otherwise.
 */
@ApplicationScoped
public class AuditIntegrator {

    /** Advisory lock key of the sequencer ("CPAUDIT" in spirit). */
    static final long SEQUENCER_LOCK = 0x4350_4155_4449_54L;

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    @Inject
    CheckpointKeys keys;

    @Inject
    @ConfigProperty(name = "copartner.audit.batch.max", defaultValue = "5000")
    int batchMax;

    public int batchMax() {
        return batchMax;
    }

    @Inject
    @ConfigProperty(name = "copartner.audit.anchor.every.entries", defaultValue = "1000")
    long anchorEveryEntries;

    @Inject
    @ConfigProperty(name = "copartner.audit.anchor.every.seconds", defaultValue = "10")
    long anchorEverySeconds;

    /** The right edge of the tree at the last integrated size; rebuilt from the nodes when it does not match. */
    private MerkleFrontier frontier;

    /** Integrates one batch; returns how many entries it appended (0 if none or another instance holds the lock). */
    @Transactional
    public synchronized int integrateBatch() {
        try (Connection c = dataSource.getConnection()) {
            if (!tryLock(c)) {
                return 0;
            }
            Instant now = Instant.now();
            Head head = AuditStore.latestHead(c);
            if (head == null) {
                head = sign(c, 0, Rfc9162.emptyRoot(), now);
            }
            List<Pending> batch = AuditStore.claimPending(c, batchMax);
            if (!batch.isEmpty()) {
                head = append(c, head, batch, now);
            }
            maybeEnqueueAnchor(c, head, now);
            return batch.size();
        } catch (SQLException | RuntimeException e) {
            frontier = null; // the transaction rolls back: forget what we appended in memory
            throw e instanceof RuntimeException r ? r : new IllegalStateException("audit integration failed", e);
        }
    }

    private Head append(Connection c, Head head, List<Pending> batch, Instant now) throws SQLException {
        MerkleFrontier f = frontier(c, head.size());
        List<Map.Entry<NodeId, byte[]>> nodes = new ArrayList<>();
        for (Pending p : batch) {
            nodes.addAll(f.append(p.leafHash()));
        }
        AuditStore.insertLeaves(c, head.size(), batch, now);
        AuditStore.insertNodes(c, nodes);
        long size = f.size();
        byte[] root = f.root();
        requireConsistent(c, head, size, root);
        frontier = f;
        return sign(c, size, root, now);
    }

    /** Never sign a tree that does not extend the previous checkpoint, or whose stored nodes disagree with it. */
    private static void requireConsistent(Connection c, Head previous, long size, byte[] root) throws SQLException {
        byte[] stored = Rfc9162.root(size, AuditStore.nodes(c, Rfc9162.nodesForRoot(size)));
        if (!Arrays.equals(stored, root)) {
            throw new IllegalStateException("stored nodes give another root at size " + size + "; refusing to sign");
        }
        if (previous.size() > 0) {
            List<byte[]> proof = Rfc9162.consistencyProof(previous.size(), size,
                AuditStore.nodes(c, Rfc9162.nodesForConsistency(previous.size(), size)));
            if (!Rfc9162.verifyConsistency(previous.size(), size, previous.root(), root, proof)) {
                throw new IllegalStateException("tree of size " + size + " is not consistent with checkpoint "
                    + previous.size() + "; refusing to sign");
            }
        }
    }

    private Head sign(Connection c, long size, byte[] root, Instant now) throws SQLException {
        String note = keys.signer().sign(new Checkpoint(keys.origin(), size, root).body());
        AuditStore.insertCheckpoint(c, size, root, note, now);
        return new Head(size, root, note, now);
    }

    private MerkleFrontier frontier(Connection c, long size) throws SQLException {
        MerkleFrontier f = frontier;
        if (f == null || f.size() != size) {
            f = MerkleFrontier.of(size, AuditStore.nodes(c, MerkleFrontier.nodesToLoad(size)));
        }
        frontier = null; // taken: put back only after a successful append
        return f;
    }

    /** Anchor when the tree grew by enough entries, or grew at all and enough time passed. */
    private void maybeEnqueueAnchor(Connection c, Head head, Instant now) throws SQLException {
        if (head.size() == 0) {
            return;
        }
        Queued last = AuditStore.lastQueued(c);
        if (last == null || head.size() > last.size()
            && (head.size() - last.size() >= anchorEveryEntries
                || Duration.between(last.at(), now).getSeconds() >= anchorEverySeconds)) {
            AuditStore.enqueueAnchor(c, head.size(), head.root(), now);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, SEQUENCER_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
