package io.copartner.governance.api.event;

import io.copartner.governance.api.ProposalKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the transaction that executes a proposal, for every kind: commerce lists
 * {@code productRef} on a {@code PRODUCT_LISTING}, with the co-creators the proposal named (empty for other kinds).
 * An observer that throws rolls the execution back.
 */
public record ProposalExecuted(UUID proposal, ProposalKind kind, String productRef, String merchantDid,
                               Instant executedAt, List<CoCreatorShare> coCreators) {

    public ProposalExecuted {
        coCreators = coCreators == null ? List.of() : List.copyOf(coCreators);
    }

    /** A co-creator as agreed in the proposal: the member's did:key, their party id (wallet owner) and share. */
    public record CoCreatorShare(String did, String party, int shareBps) {
    }
}
