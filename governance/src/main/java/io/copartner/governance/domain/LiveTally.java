package io.copartner.governance.domain;

/**
 * The tally kept up to date ballot by ballot, O(delegations of the voter) each, with the same result as
 * {@link TallyRule#compute} over the latest ballots: a first ballot takes the voter's delegated shares back from the
 * delegates who voted (the override) and adds the voter's weight plus what their non-voting delegators hand them; a
 * changed ballot moves that effective weight from the old choice to the new one. Not thread-safe: callers lock.
 */
public final class LiveTally {

    private final WeightSnapshot snapshot;
    private final byte[] choices;
    private final long[] seqs;
    private final long[] inboundActive;
    private final long[] sums = new long[4];
    private long lastSeq;

    public LiveTally(WeightSnapshot snapshot) {
        this.snapshot = snapshot;
        int n = snapshot.size();
        this.choices = new byte[n];
        this.seqs = new long[n];
        this.inboundActive = new long[n];
        for (int i = 0; i < n; i++) {
            inboundActive[i] = snapshot.inboundTotal(i);
        }
    }

    /**
     * Applies voter {@code v}'s ballot number {@code seq} (receive order); an older ballot than the one applied is
     * ignored, so replaying is harmless.
     */
    public void apply(int v, Choice choice, long seq) {
        if (seq <= seqs[v]) {
            return;
        }
        seqs[v] = seq;
        lastSeq = Math.max(lastSeq, seq);
        byte now = TallyRule.code(choice);
        byte before = choices[v];
        if (before == now) {
            return;
        }
        long effective = snapshot.weightAt(v) + inboundActive[v];
        if (before == 0) {
            int[] to = snapshot.edgesTo(v);
            if (to != null) {
                long[] amount = snapshot.edgeAmounts(v);
                for (int k = 0; k < to.length; k++) {
                    inboundActive[to[k]] -= amount[k];
                    byte dc = choices[to[k]];
                    if (dc != 0) {
                        sums[dc] -= amount[k];
                    }
                }
            }
        } else {
            sums[before] -= effective;
        }
        sums[now] += effective;
        choices[v] = now;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public TallyRule.Totals totals() {
        return new TallyRule.Totals(sums[1], sums[2], sums[3]);
    }

    /** The counted choice per voter index (0: none), a copy. */
    public byte[] choices() {
        return choices.clone();
    }
}
