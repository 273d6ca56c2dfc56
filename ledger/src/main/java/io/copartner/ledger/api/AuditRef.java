package io.copartner.ledger.api;

/**
 * Where a journal entry sits in the audit log. {@code leafIndex} is null while the entry waits for the sequencer;
 * {@code treeSize} is the latest checkpointed tree size that includes it, and {@code inclusionProof} the
 * path of its inclusion proof, both null until known.
 */
public record AuditRef(long entryId, Long leafIndex, Long treeSize, String inclusionProof) {
}
