package io.copartner.ledger.audit.merkle;

/**
 * A perfect subtree of the log's Merkle tree: the {@code 2^level} leaves starting at leaf {@code index * 2^level}.
 * Level 0 is a single leaf (its value is the leaf hash); the value stored for any other NodeId is the RFC 9162
 * MTH of those leaves. Perfect subtrees never change once complete, so they are the only hashes the store keeps.
 */
public record NodeId(int level, long index) {

    /** Highest level accepted (a subtree of 2^63 leaves cannot exist in a tree whose size is a long). */
    public static final int MAX_LEVEL = 63;

    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be in 0.." + MAX_LEVEL + " but is " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but is " + index);
        }
    }

    /** The level-0 node of leaf {@code leafIndex}. */
    public static NodeId leaf(long leafIndex) {
        return new NodeId(0, leafIndex);
    }

    /** The node whose children are this node and its sibling. */
    public NodeId parent() {
        return new NodeId(level + 1, index >>> 1);
    }

    /** Number of leaves under this node, 2^level (throws ArithmeticException for level 63). */
    public long leafCount() {
        if (level == MAX_LEVEL) {
            throw new ArithmeticException("2^63 leaves do not fit in a long");
        }
        return 1L << level;
    }

    /** Index of the first leaf under this node (throws ArithmeticException on overflow). */
    public long firstLeaf() {
        return Math.multiplyExact(index, leafCount());
    }

    /** Exclusive end of this node's leaf range (throws ArithmeticException on overflow). */
    public long endLeaf() {
        return Math.addExact(firstLeaf(), leafCount());
    }

    @Override
    public String toString() {
        return "NodeId[level=" + level + ", index=" + index + "]";
    }
}
