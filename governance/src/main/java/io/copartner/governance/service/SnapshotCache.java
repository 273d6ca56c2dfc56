package io.copartner.governance.service;

import io.copartner.governance.domain.WeightSnapshot;
import io.copartner.governance.persistence.VotesStore;
import io.copartner.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weight snapshots are immutable once written, so each instance loads a proposal's snapshot once and keeps it (for
 * the eligibility check of every ballot and for tallies). Bounded: the oldest entries go when it grows too large.
 */
@ApplicationScoped
public class SnapshotCache {

    static final int MAX_ENTRIES = 64;

    @Inject
    VotesStore store;

    private final Map<UUID, WeightSnapshot> cache = new ConcurrentHashMap<>();

    public SnapshotCache() {
    }

    public SnapshotCache(VotesStore store) {
        this.store = store;
    }

    /** True when this instance holds the proposal's snapshot, which then exists (snapshots are never deleted). */
    public boolean holds(UUID proposal) {
        return cache.containsKey(proposal);
    }

    public WeightSnapshot get(UUID proposal) {
        WeightSnapshot s = cache.get(proposal);
        if (s != null) {
            return s;
        }
        s = store.loadSnapshot(proposal).orElseThrow(() -> ProblemException.notFound("voting has not opened for "
            + proposal));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(proposal, s);
        return s;
    }
}
