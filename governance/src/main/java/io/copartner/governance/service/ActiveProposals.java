package io.copartner.governance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facts of proposals open for voting, remembered so that a ballot's checks before its transaction need no
 * look-up (a JPA find and its own transaction per ballot, before). Only what cannot change while voting is read from
 * here (id, kind, the listing's merchant, quorum); whether voting is still open (state, window, final tally) the
 * ballot's transaction reads itself from the lifecycle's row, so a proposal canceled or extended on another instance
 * is seen at once. Facts are kept only while ACTIVE and dropped when a ballot finds voting closed. Bounded.
 */
@ApplicationScoped
public class ActiveProposals {

    static final int MAX_ENTRIES = 256;

    @Inject
    ProposalWindows windows;

    private final Map<UUID, ProposalFacts> active = new ConcurrentHashMap<>();

    public ActiveProposals() {
    }

    public ActiveProposals(ProposalWindows windows) {
        this.windows = windows;
    }

    public Optional<ProposalFacts> facts(UUID proposal) {
        ProposalFacts f = active.get(proposal);
        if (f != null) {
            return Optional.of(f);
        }
        Optional<ProposalFacts> read = windows.facts(proposal);
        read.filter(x -> x.state() == ProposalFacts.ProposalStatus.ACTIVE).ifPresent(x -> {
            if (active.size() >= MAX_ENTRIES) {
                active.clear();
            }
            active.put(proposal, x);
        });
        return read;
    }

    public void forget(UUID proposal) {
        active.remove(proposal);
    }
}
