package io.copartner.ledger.chain;

/** One {@code Anchored(treeSize, root, timestamp)} event as read from the chain's logs. */
public record AnchoredEvent(long treeSize, byte[] root, String txHash, long blockNumber) {
}
