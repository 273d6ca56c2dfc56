package io.copartner.governance.service;

/**
 * A tally as the pinned {@code GET /proposals/{id}/tally} shows it (weights as longs here, strings on the wire).
 * {@code auditIndex} is the leaf index of {@code governance.tally.final} once final and sequenced, else null.
 */
public record TallyView(boolean isFinal, long forWeight, long againstWeight, long abstainWeight,
                        long totalEligibleWeight, boolean quorumReached, boolean succeeded, String ballotsHash,
                        String snapshotHash, Long auditIndex) {
}
