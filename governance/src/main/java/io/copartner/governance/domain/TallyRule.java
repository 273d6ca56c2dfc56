package io.copartner.governance.domain;

/**
 * The pinned recomputation rule in one pass: a voter's effective weight is their own weight plus, for each delegator
 * who did not vote and whose statement applies, floor(delegator weight × shareBps / 10000) per delegation naming them
 * (not transitive). {@link LiveTally} keeps the same sums incrementally.
 */
public final class TallyRule {

    private TallyRule() {
    }

    /** Sums by choice: index 0 for, 1 against, 2 abstain. */
    public record Totals(long forWeight, long againstWeight, long abstainWeight) {

        public boolean quorumReached(long totalEligible, int quorumBps) {
            return WeightRules.quorumReached(forWeight, abstainWeight, totalEligible, quorumBps);
        }

        public boolean succeeded(long totalEligible, int quorumBps, int thresholdBps) {
            return WeightRules.succeeded(quorumReached(totalEligible, quorumBps), forWeight, againstWeight, thresholdBps);
        }
    }

    /**
     * @param choices per voter index of the snapshot: 0 did not vote, else {@code Choice.ordinal() + 1} of the
     *                counted ballot
     */
    public static Totals compute(WeightSnapshot snapshot, byte[] choices) {
        long[] sums = new long[4];
        int n = snapshot.size();
        for (int v = 0; v < n; v++) {
            byte c = choices[v];
            if (c != 0) {
                sums[c] = Math.addExact(sums[c], snapshot.weightAt(v));
            } else {
                int[] to = snapshot.edgesTo(v);
                if (to != null) {
                    long[] amount = snapshot.edgeAmounts(v);
                    for (int k = 0; k < to.length; k++) {
                        byte dc = choices[to[k]];
                        if (dc != 0) {
                            sums[dc] = Math.addExact(sums[dc], amount[k]);
                        }
                    }
                }
            }
        }
        return new Totals(sums[1], sums[2], sums[3]);
    }

    public static byte code(Choice c) {
        return (byte) (c.ordinal() + 1);
    }
}
