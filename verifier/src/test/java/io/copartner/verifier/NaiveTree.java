package io.copartner.verifier;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only, deliberately naive RFC 9162 §2.1 tree: every hash recomputed recursively from the leaves, straight
 * from the RFC's MTH / PATH / PROOF definitions. Independent of {@link Merkle} (its own SHA-256 calls).
 */
final class NaiveTree {
    private final List<byte[]> leaves;

    NaiveTree(List<byte[]> leaves) {
        this.leaves = List.copyOf(leaves);
    }

    int size() {
        return leaves.size();
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] root(int n) {
        return mth(0, n);
    }

    List<byte[]> inclusion(int m, int n) {
        return path(m, 0, n);
    }

    List<byte[]> consistency(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private static int k(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return sha256(new byte[] {0}, leaves.get(from));
        }
        int k = k(n);
        return sha256(new byte[] {1}, mth(from, from + k), mth(from + k, to));
    }

    private List<byte[]> path(int m, int from, int to) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, from, from + k));
            out.add(mth(from + k, to));
        } else {
            out.addAll(path(m - k, from + k, to));
            out.add(mth(from, from + k));
        }
        return out;
    }

    private List<byte[]> subproof(int m, int from, int to, boolean b) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(from, to));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, from, from + k, b));
            out.add(mth(from + k, to));
        } else {
            out.addAll(subproof(m - k, from + k, to, false));
            out.add(mth(from, from + k));
        }
        return out;
    }
}
