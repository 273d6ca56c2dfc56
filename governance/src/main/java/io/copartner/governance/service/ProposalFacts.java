package io.copartner.governance.service;

import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import java.time.Instant;
import java.util.UUID;

/**
 * What the voting side needs to know of a proposal (the seam between the proposal lifecycle and the voting booth):
 * its parameters as frozen at creation, and its current voting window. {@code snapshotAt} = {@code votingStartsAt}.
 * {@code votingEndsAt} may move later once (late-quorum extension). {@code listingMerchantDid} is the DID of the
 * merchant whose product a {@code PRODUCT_LISTING} proposal lists (conflict of interest), else null.
 * {@code contributionCap} and {@code contributionWindowSeconds} matter only to {@code CAPPED_CONTRIBUTION} and
 * {@code QUADRATIC}.
 */
public record ProposalFacts(UUID id, ProposalKind kind, ProposalStatus state, String authorDid, WeightStrategy strategy,
                            int quorumBps, int thresholdBps, long lateQuorumSeconds, Instant votingStartsAt,
                            Instant votingEndsAt, String listingMerchantDid, long contributionCap,
                            long contributionWindowSeconds) {

    public Instant snapshotAt() {
        return votingStartsAt;
    }

    /** The states the voting side distinguishes (the lifecycle's own enum lives in domain). */
    public enum ProposalStatus { PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXECUTED, EXPIRED }
}
