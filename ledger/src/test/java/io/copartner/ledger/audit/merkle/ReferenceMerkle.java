package io.copartner.ledger.audit.merkle;

import io.copartner.kernel.crypto.Hashes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive Merkle tree over a list of leaf hashes, written straight from the recursive definitions in
 * RFC 9162 §2.1.1 (MTH), §2.1.3.1 (PATH) and §2.1.4.1 (PROOF / SUBPROOF), with its own hashing. It shares no code
 * with the implementation under test; the only shortcut is a memo of MTH per leaf range.
 */
final class ReferenceMerkle {

    private final List<byte[]> leaves;
    private final Map<List<Long>, byte[]> memo = new HashMap<>();

    ReferenceMerkle(List<byte[]> leafHashes) {
        this.leaves = List.copyOf(leafHashes);
    }

    /** n leaf hashes of distinct, deterministic data. */
    static List<byte[]> leafHashes(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(leaf(("entry-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return out;
    }

    static byte[] leaf(byte[] data) {
        return Hashes.sha256(new byte[] {0}, data);
    }

    static byte[] node(byte[] left, byte[] right) {
        return Hashes.sha256(new byte[] {1}, left, right);
    }

    /** The largest power of two smaller than n (n > 1): k < n <= 2k. */
    static long k(long n) {
        long k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    int size() {
        return leaves.size();
    }

    byte[] leafHash(int i) {
        return leaves.get(i).clone();
    }

    /** MTH(D[0:n]). */
    byte[] root(int n) {
        return mth(0, n);
    }

    /** MTH(D[start:start+n]). */
    byte[] mth(long start, long n) {
        if (n == 0) {
            return Hashes.sha256(new byte[0]);
        }
        if (n == 1) {
            return leaves.get((int) start);
        }
        List<Long> key = List.of(start, n);
        byte[] cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        long k = k(n);
        byte[] h = node(mth(start, k), mth(start + k, n - k));
        memo.put(key, h);
        return h;
    }

    /** PATH(m, D[0:n]). */
    List<byte[]> path(long m, long n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(long m, long start, long n) {
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        long k = k(n);
        if (m < k) {
            out.addAll(path(m, start, k));
            out.add(mth(start + k, n - k));
        } else {
            out.addAll(path(m - k, start + k, n - k));
            out.add(mth(start, k));
        }
        return out;
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), 0 < m < n. */
    List<byte[]> proof(long m, long n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(long m, long start, long n, boolean b) {
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(start, n));
            }
            return out;
        }
        long k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, start, k, b));
            out.add(mth(start + k, n - k));
        } else {
            out.addAll(subproof(m - k, start + k, n - k, false));
            out.add(mth(start, k));
        }
        return out;
    }

    /** Every perfect subtree of the whole tree, as the store would hold them. */
    Map<NodeId, byte[]> allPerfectNodes() {
        Map<NodeId, byte[]> nodes = new HashMap<>();
        for (int level = 0; (1L << level) <= leaves.size(); level++) {
            long width = 1L << level;
            for (long index = 0; (index + 1) * width <= leaves.size(); index++) {
                nodes.put(new NodeId(level, index), mth(index * width, width).clone());
            }
        }
        return nodes;
    }
}
