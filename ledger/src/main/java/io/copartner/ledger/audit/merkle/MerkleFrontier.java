package io.copartner.ledger.audit.merkle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The right edge of the log's Merkle tree (its compact range): the perfect subtrees of the binary decomposition of
 * the tree size, largest first. That is all that is needed to compute the root and to append, so appending costs
 * amortised O(1) and at most O(log n) hashes, and never touches the other leaves.
 *
 * <p>Typical use, inside the transaction that appends entries: load {@link #nodesToLoad(long)} for the current
 * size, build {@link #of(long, Map)}, call {@link #append(byte[])} per new leaf and persist the nodes each call
 * returns. Those nodes, over the life of the log, are exactly every perfect subtree of the tree, which is what
 * {@link Rfc9162}'s proof functions ask for.
 *
 * <p>Instances are mutable and not thread-safe.
 */
public final class MerkleFrontier {

    private final List<NodeId> ids;
    private final List<byte[]> hashes;
    private long size;

    private MerkleFrontier(long size, List<NodeId> ids, List<byte[]> hashes) {
        this.size = size;
        this.ids = ids;
        this.hashes = hashes;
    }

    /** The nodes {@link #of(long, Map)} needs: the same as {@link Rfc9162#nodesForRoot(long)}. */
    public static Set<NodeId> nodesToLoad(long treeSize) {
        return Rfc9162.nodesForRoot(treeSize);
    }

    /**
     * The frontier of a tree of {@code treeSize} leaves, from a map holding at least {@link #nodesToLoad(long)}.
     *
     * @throws IllegalArgumentException if treeSize is negative
     * @throws IllegalStateException if a needed node is missing or is not a 32-byte hash
     */
    public static MerkleFrontier of(long treeSize, Map<NodeId, byte[]> nodes) {
        Objects.requireNonNull(nodes, "nodes must not be null");
        List<NodeId> ids = new ArrayList<>(nodesToLoad(treeSize));
        List<byte[]> hashes = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            hashes.add(Rfc9162.lookup(nodes, id).clone());
        }
        return new MerkleFrontier(treeSize, ids, hashes);
    }

    /** The frontier of the empty tree. */
    public static MerkleFrontier empty() {
        return new MerkleFrontier(0, new ArrayList<>(), new ArrayList<>());
    }

    /** Number of leaves in the tree. */
    public long size() {
        return size;
    }

    /** MTH of the whole tree (the empty root when there are no leaves). */
    public byte[] root() {
        if (ids.isEmpty()) {
            return Rfc9162.emptyRoot();
        }
        byte[] h = hashes.get(hashes.size() - 1).clone();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            h = Rfc9162.nodeHash(hashes.get(i), h);
        }
        return h;
    }

    /** The frontier nodes, largest (leftmost) first; a copy. */
    public Map<NodeId, byte[]> nodes() {
        Map<NodeId, byte[]> copy = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            copy.put(ids.get(i), hashes.get(i).clone());
        }
        return copy;
    }

    /**
     * Appends one leaf (its RFC 9162 leaf hash) and returns the perfect-subtree nodes that now exist and did not
     * before, for the caller to persist: the leaf itself at level 0, then each parent it completes, bottom-up.
     *
     * @throws IllegalArgumentException if leafHash is not 32 bytes
     * @throws IllegalStateException if the tree is full (size {@link Long#MAX_VALUE})
     */
    public List<Map.Entry<NodeId, byte[]>> append(byte[] leafHash) {
        Objects.requireNonNull(leafHash, "leafHash must not be null");
        if (leafHash.length != Rfc9162.HASH_SIZE) {
            throw new IllegalArgumentException(
                    "leafHash must be " + Rfc9162.HASH_SIZE + " bytes but is " + leafHash.length);
        }
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        List<Map.Entry<NodeId, byte[]>> created = new ArrayList<>();
        NodeId id = NodeId.leaf(size);
        byte[] h = leafHash.clone();
        created.add(Map.entry(id, h.clone()));
        while (!ids.isEmpty() && ids.get(ids.size() - 1).level() == id.level()) {
            int last = ids.size() - 1;
            byte[] left = hashes.remove(last);
            ids.remove(last);
            h = Rfc9162.nodeHash(left, h);
            id = id.parent();
            created.add(Map.entry(id, h.clone()));
        }
        ids.add(id);
        hashes.add(h);
        size++;
        return created;
    }

    @Override
    public String toString() {
        return "MerkleFrontier[size=" + size + ", nodes=" + ids + "]";
    }
}
