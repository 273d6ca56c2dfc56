package io.copartner.governance.service;

import java.util.Optional;
import java.util.UUID;

/**
 * The voting side of a proposal, implemented by the ballots/weights/tally services and called by the lifecycle
 * (the scheduler) inside its transactions. Every method is idempotent: a second call for the same proposal
 * changes nothing and returns the same result.
 */
public interface VotingBooth {

    /**
     * Called in the transaction that moves a proposal PENDING → ACTIVE: freezes the weight snapshot (every eligible
     * member, their base, tierBps and weight, and the delegation statements in force at {@code snapshotAt}).
     */
    void openVoting(ProposalFacts proposal);

    /** The live tally (final once {@link #finalizeTally} ran); empty before voting opened. */
    Optional<TallyView> tally(UUID proposalId);

    /**
     * Called in the transaction that ends voting (at {@code votingEndsAt}): computes the final tally from the ballots
     * received strictly before {@code votingEndsAt}, marks which ballots are counted, and writes the audit entry
     * {@code governance.tally.final}. The lifecycle moves the proposal to SUCCEEDED or DEFEATED from the result.
     */
    TallyView finalizeTally(ProposalFacts proposal);
}
