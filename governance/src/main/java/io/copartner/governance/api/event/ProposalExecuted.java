package io.copartner.governance.api.event;

import io.copartner.governance.api.ProposalKind;
import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the transaction that executes a proposal, for every kind: commerce lists
 * {@code productRef} on a {@code PRODUCT_LISTING}. An observer that throws rolls the execution back.
 */
public record ProposalExecuted(UUID proposal, ProposalKind kind, String productRef, String merchantDid,
                               Instant executedAt) {
}
