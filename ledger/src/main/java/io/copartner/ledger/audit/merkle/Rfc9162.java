package io.copartner.ledger.audit.merkle;

import io.copartner.kernel.crypto.Hashes;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RFC 9162 §2.1 (= RFC 6962 §2.1) Merkle tree hashing, proofs and proof verification over a store that holds only
 * the hashes of perfect subtrees ({@link NodeId}s).
 *
 * <p>Every store-backed operation comes in two halves: a pure {@code nodesFor...} function that names the NodeIds
 * it needs (so the caller can fetch them in one batch query), and a function that computes the result from a
 * {@code Map<NodeId, byte[]>} holding at least those nodes. The MTH of a range that is not a perfect subtree is
 * computed the RFC way: split at the largest power of two smaller than the range size; the left part is then a
 * perfect, aligned subtree, and the right part is split again. So any range hash is a right fold over the perfect
 * subtrees of the binary decomposition of its size, and every operation needs O(log n) nodes (an inclusion or
 * consistency proof at most about 2·log2(n)).
 *
 * <p>Argument errors throw {@link IllegalArgumentException}; a node missing from the map (or a stored value that
 * is not a 32-byte hash) throws {@link IllegalStateException} naming the NodeId. Verification never throws: it
 * returns {@code false} for any mismatch or malformed input.
 */
public final class Rfc9162 {

    /** Size in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};
    private static final byte[] EMPTY_ROOT = Hashes.sha256(new byte[0]);

    private Rfc9162() {
    }

    // ------------------------------------------------------------------------------------------------------------
    // Hashing

    /** Leaf hash: SHA-256(0x00 ‖ data). */
    public static byte[] leafHash(byte[] data) {
        return Hashes.sha256(LEAF_PREFIX, Objects.requireNonNull(data, "data must not be null"));
    }

    /** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Hashes.sha256(NODE_PREFIX, Objects.requireNonNull(left, "left must not be null"),
                Objects.requireNonNull(right, "right must not be null"));
    }

    /** Root of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Tree head

    /** The perfect subtrees whose hashes {@link #root(long, Map)} needs: the binary decomposition of treeSize. */
    public static Set<NodeId> nodesForRoot(long treeSize) {
        requireTreeSize(treeSize);
        Set<NodeId> ids = new LinkedHashSet<>();
        if (treeSize > 0) {
            ids.addAll(decompose(0, treeSize));
        }
        return ids;
    }

    /** MTH of the first treeSize leaves (the empty root for size 0). */
    public static byte[] root(long treeSize, Map<NodeId, byte[]> nodes) {
        requireTreeSize(treeSize);
        Objects.requireNonNull(nodes, "nodes must not be null");
        if (treeSize == 0) {
            return emptyRoot();
        }
        return rangeHash(new Range(0, treeSize), nodes);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Inclusion proofs

    /** The perfect subtrees whose hashes {@link #inclusionProof(long, long, Map)} needs. */
    public static Set<NodeId> nodesForInclusion(long leafIndex, long treeSize) {
        requireInclusionArgs(leafIndex, treeSize);
        Set<NodeId> ids = new LinkedHashSet<>();
        for (Range r : inclusionRanges(leafIndex, treeSize)) {
            ids.addAll(decompose(r.start, r.size));
        }
        return ids;
    }

    /**
     * The audit path PATH(leafIndex, D[treeSize]) of RFC 9162 §2.1.3.1, bottom-up (the sibling nearest the leaf
     * first). Empty for a one-leaf tree.
     */
    public static List<byte[]> inclusionProof(long leafIndex, long treeSize, Map<NodeId, byte[]> nodes) {
        requireInclusionArgs(leafIndex, treeSize);
        Objects.requireNonNull(nodes, "nodes must not be null");
        List<byte[]> proof = new ArrayList<>();
        for (Range r : inclusionRanges(leafIndex, treeSize)) {
            proof.add(rangeHash(r, nodes));
        }
        return proof;
    }

    /** The sub-ranges whose MTH form PATH(m, D[n]), in proof (bottom-up) order. */
    private static List<Range> inclusionRanges(long m, long n) {
        List<Range> topDown = new ArrayList<>();
        long start = 0;
        long size = n;
        long idx = m;
        while (size > 1) {
            long k = splitPoint(size);
            if (idx < k) {
                topDown.add(new Range(start + k, size - k));
                size = k;
            } else {
                topDown.add(new Range(start, k));
                start += k;
                idx -= k;
                size -= k;
            }
        }
        Collections.reverse(topDown);
        return topDown;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Consistency proofs

    /**
     * The perfect subtrees whose hashes {@link #consistencyProof(long, long, Map)} needs; empty when
     * {@code from == to} or {@code from == 0}.
     */
    public static Set<NodeId> nodesForConsistency(long from, long to) {
        requireConsistencyArgs(from, to);
        Set<NodeId> ids = new LinkedHashSet<>();
        for (Range r : consistencyRanges(from, to)) {
            ids.addAll(decompose(r.start, r.size));
        }
        return ids;
    }

    /**
     * The consistency proof PROOF(from, D[to]) = SUBPROOF(from, D[to], true) of RFC 9162 §2.1.4.1.
     *
     * <p>The proof is empty when {@code from == to} (the trees are the same) or when {@code from == 0} (every tree
     * is consistent with the empty tree; RFC 9162 defines proofs only for 0 &lt; m &lt; n).
     * {@link #verifyConsistency} accepts exactly these empty proofs for those cases.
     */
    public static List<byte[]> consistencyProof(long from, long to, Map<NodeId, byte[]> nodes) {
        requireConsistencyArgs(from, to);
        Objects.requireNonNull(nodes, "nodes must not be null");
        List<byte[]> proof = new ArrayList<>();
        for (Range r : consistencyRanges(from, to)) {
            proof.add(rangeHash(r, nodes));
        }
        return proof;
    }

    /** The sub-ranges whose MTH form SUBPROOF(m, D[n], true), in proof order. */
    private static List<Range> consistencyRanges(long m, long n) {
        if (m == 0 || m == n) {
            return List.of();
        }
        List<Range> appended = new ArrayList<>();
        long start = 0;
        long size = n;
        long mm = m;
        boolean b = true;
        while (mm != size) {
            long k = splitPoint(size);
            if (mm <= k) {
                // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
                appended.add(new Range(start + k, size - k));
                size = k;
            } else {
                // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
                appended.add(new Range(start, k));
                start += k;
                mm -= k;
                size -= k;
                b = false;
            }
        }
        List<Range> ranges = new ArrayList<>(appended.size() + 1);
        if (!b) {
            ranges.add(new Range(start, size));
        }
        for (int i = appended.size() - 1; i >= 0; i--) {
            ranges.add(appended.get(i));
        }
        return ranges;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Verification

    /**
     * RFC 9162 §2.1.3.2: does {@code proof} show that {@code leafHash} is leaf {@code leafIndex} of the tree of
     * {@code treeSize} leaves with root {@code root}? Never throws; malformed input (bad sizes or indexes, nulls,
     * hashes that are not 32 bytes, a proof of the wrong length) yields {@code false}.
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
                                          byte[] root) {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize
                || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: does {@code proof} show that the tree of {@code from} leaves with root {@code fromRoot} is a
     * prefix of the tree of {@code to} leaves with root {@code toRoot}? Never throws.
     *
     * <p>Trivial cases: for {@code from == to} the proof must be empty and the roots equal; for {@code from == 0}
     * the proof must be empty and {@code fromRoot} must be the empty-tree root (any {@code toRoot} hash is
     * consistent with the empty tree). Negative sizes, {@code from > to}, nulls, hashes that are not 32 bytes
     * or a proof of the wrong length yield {@code false}.
     */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || to < 0 || from > to || !isHash(fromRoot) || !isHash(toRoot) || !allHashes(proof)) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (from == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, EMPTY_ROOT);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(from) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(fromRoot);
            path.addAll(proof);
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Internals

    /** A leaf range [start, start + size), size >= 1, start aligned to the highest power of two in size. */
    private record Range(long start, long size) {
    }

    /** The largest power of two strictly less than size (size >= 2): the RFC's k. */
    static long splitPoint(long size) {
        return Long.highestOneBit(size - 1);
    }

    /**
     * The perfect subtrees covering [start, start + size), largest (leftmost) first: one per set bit of size.
     * Requires start to be a multiple of the highest power of two in size, which holds for every range produced by
     * the RFC's recursive split of [0, n).
     */
    static List<NodeId> decompose(long start, long size) {
        if (size <= 0 || start < 0 || start % Long.highestOneBit(size) != 0) {
            throw new IllegalStateException("range [" + start + ", +" + size + ") is not aligned");
        }
        List<NodeId> ids = new ArrayList<>(Long.bitCount(size));
        long pos = start;
        for (int level = 62; level >= 0; level--) {
            long bit = 1L << level;
            if ((size & bit) != 0) {
                ids.add(new NodeId(level, pos >>> level));
                pos += bit;
            }
        }
        return ids;
    }

    /** MTH of the range: right fold of nodeHash over its perfect subtrees. */
    private static byte[] rangeHash(Range range, Map<NodeId, byte[]> nodes) {
        List<NodeId> ids = decompose(range.start, range.size);
        // Copy so that callers never alias the map's arrays.
        byte[] h = lookup(nodes, ids.get(ids.size() - 1)).clone();
        for (int i = ids.size() - 2; i >= 0; i--) {
            h = nodeHash(lookup(nodes, ids.get(i)), h);
        }
        return h;
    }

    static byte[] lookup(Map<NodeId, byte[]> nodes, NodeId id) {
        byte[] h = nodes.get(id);
        if (h == null) {
            throw new IllegalStateException("Merkle node " + id + " is missing");
        }
        if (h.length != HASH_SIZE) {
            throw new IllegalStateException("Merkle node " + id + " has " + h.length + " bytes, not " + HASH_SIZE);
        }
        return h;
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (!isHash(p)) {
                return false;
            }
        }
        return true;
    }

    private static void requireTreeSize(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0 but is " + treeSize);
        }
    }

    private static void requireInclusionArgs(long leafIndex, long treeSize) {
        if (treeSize <= 0) {
            throw new IllegalArgumentException("treeSize must be > 0 for an inclusion proof but is " + treeSize);
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException(
                    "leafIndex must be in 0.." + (treeSize - 1) + " but is " + leafIndex);
        }
    }

    private static void requireConsistencyArgs(long from, long to) {
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("tree sizes must be >= 0 but are from=" + from + ", to=" + to);
        }
        if (from > to) {
            throw new IllegalArgumentException("from must be <= to but from=" + from + " > to=" + to);
        }
    }
}
