package io.copartner.ledger.chain;

/**
 * Proof that an audit-log root was anchored on chain: enough to find and re-check the transaction later.
 *
 * @param txHash      transaction hash (0x-prefixed hex)
 * @param blockNumber block that included the transaction
 * @param gasUsed     gas the transaction consumed
 * @param treeSize    anchored tree size
 * @param rootHex     anchored root (0x-prefixed, 64 lower-case hex digits)
 * @param chainId     EIP-155 chain id the transaction was signed for
 * @param contract    address of the {@code AuditAnchor} contract
 */
public record AnchorReceipt(String txHash, long blockNumber, long gasUsed, long treeSize, String rootHex,
                            long chainId, String contract) {
}
