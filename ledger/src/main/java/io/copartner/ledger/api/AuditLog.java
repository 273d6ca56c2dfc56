package io.copartner.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Read side of the audit log: signed checkpoints, entries, RFC 9162 proofs and on-chain anchors. */
public interface AuditLog {

    /** The newest signed checkpoint (a size-0 checkpoint before anything was integrated). */
    SignedCheckpoint latestCheckpoint();

    /** The integrated entry at a leaf index, if the tree has that many leaves. */
    Optional<Entry> entry(long index);

    /** Leaf index of an audit entry, empty while it waits for the sequencer. */
    OptionalLong leafIndexOf(long entryId);

    /** Leaf indexes of several audit entries at once; entries still waiting for the sequencer are absent. */
    default java.util.Map<Long, Long> leafIndexesOf(java.util.Collection<Long> entryIds) {
        java.util.Map<Long, Long> found = new java.util.HashMap<>();
        for (Long id : entryIds) {
            leafIndexOf(id).ifPresent(i -> found.put(id, i));
        }
        return found;
    }

    /**
     * The leaf index of each of {@code entryIds}, in the same order, {@code -1} where the sequencer has not indexed
     * the entry yet; asked in bounded chunks, so 10^6 ids never make one query or one map.
     */
    default long[] leafIndexes(long[] entryIds) {
        long[] out = new long[entryIds.length];
        int chunk = 20_000;
        for (int from = 0; from < entryIds.length; from += chunk) {
            int to = Math.min(entryIds.length, from + chunk);
            List<Long> ids = new java.util.ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                ids.add(entryIds[i]);
            }
            java.util.Map<Long, Long> found = leafIndexesOf(ids);
            for (int i = from; i < to; i++) {
                out[i] = found.getOrDefault(entryIds[i], -1L);
            }
        }
        return out;
    }

    /** Audit path for leaf {@code index} in the tree of {@code treeSize} leaves (a signed size or smaller). */
    List<byte[]> inclusionProof(long index, long treeSize);

    /** Consistency proof between two tree sizes, {@code from <= to <= latest signed size}. */
    List<byte[]> consistencyProof(long from, long to);

    /** Anchors, newest first; {@code beforeTreeSize} is the cursor (exclusive), null for the first page. */
    List<Anchor> anchors(Long beforeTreeSize, int limit);

    /** The key that signs checkpoints, as published in the platform's DID document. */
    CheckpointKey checkpointKey();

    /** Recomputes what can be recomputed (leaf hashes from entries, roots from nodes) against the stored tree. */
    SelfCheck selfCheck();

    record SignedCheckpoint(String origin, long treeSize, byte[] rootHash, String note, Instant signedAt) {
    }

    record Entry(long index, long entryId, String type, String subject, String canonical, byte[] leafHash,
                 Instant time) {
    }

    record Anchor(long treeSize, byte[] root, long chainId, String contract, String txHash, long blockNumber,
                  long gasUsed, Instant anchoredAt) {
    }

    /** {@code name} is the signed-note key name (the checkpoint origin); {@code publicKey} the raw 32-byte Ed25519 key. */
    record CheckpointKey(String name, byte[] publicKey, String verifierKey) {
    }

    record SelfCheck(boolean ok, long treeSize, long entriesChecked, List<String> problems) {
    }
}
