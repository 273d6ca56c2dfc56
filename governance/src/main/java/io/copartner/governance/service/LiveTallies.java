package io.copartner.governance.service;

import io.copartner.governance.domain.Choice;
import io.copartner.governance.domain.LiveTally;
import io.copartner.governance.domain.WeightSnapshot;
import io.copartner.governance.persistence.VotesStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per proposal, this instance's incremental tally, for the one question asked after every ballot: has quorum been
 * reached for the first time? Built from the stored current ballots on first use, then fed each ballot this instance
 * accepts (O(the voter's delegations) each); rebuilt after {@link #REBUILD_MILLIS} so ballots accepted by other
 * instances are seen too. Once quorum was reported nothing is kept.
 */
@ApplicationScoped
public class LiveTallies {

    static final long REBUILD_MILLIS = 10_000;

    @Inject
    VotesStore store;

    @Inject
    SnapshotCache snapshots;

    private final Map<UUID, Entry> tallies = new ConcurrentHashMap<>();

    private static final class Entry {
        final LiveTally tally;
        final long builtAt;

        Entry(LiveTally tally, long builtAt) {
            this.tally = tally;
            this.builtAt = builtAt;
        }
    }

    /** Applies an accepted ballot and answers whether the live tally now reaches quorum. */
    public boolean applyAndCheck(UUID proposal, String voter, Choice choice, long seq, int quorumBps) {
        WeightSnapshot snapshot = snapshots.get(proposal);
        Entry e = tallies.compute(proposal, (k, old) ->
            old == null || System.currentTimeMillis() - old.builtAt > REBUILD_MILLIS ? build(k, snapshot) : old);
        int v = snapshot.indexOf(voter);
        synchronized (e.tally) {
            if (v >= 0) {
                e.tally.apply(v, choice, seq);
            }
            var t = e.tally.totals();
            return t.quorumReached(snapshot.totalEligibleWeight(), quorumBps);
        }
    }

    public void forget(UUID proposal) {
        tallies.remove(proposal);
    }

    private Entry build(UUID proposal, WeightSnapshot snapshot) {
        LiveTally tally = new LiveTally(snapshot);
        store.eachBallot(proposal, false, b -> {
            int v = snapshot.indexOf(b.voter());
            if (v >= 0) {
                tally.apply(v, b.choice(), b.seq());
            }
        });
        return new Entry(tally, System.currentTimeMillis());
    }
}
