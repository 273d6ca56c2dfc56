package io.copartner.governance.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@jakarta.json.bind.annotation.JsonbNillable
/** A proposal as the public reads it (the pinned fields first). Absent instants are null; {@code coCreators} empty unless a listing names them. */
public record ProposalView(UUID id, ProposalKind kind, String state, String title, String author,
                           WeightStrategy strategy, int quorumBps, int thresholdBps, Instant snapshotAt,
                           Instant votingStartsAt, Instant votingEndsAt, Instant eta, Instant executedAt,
                           String description, List<String> links, String productRef, String merchantDid,
                           RevenuePolicy policy, GovernanceParameters parameters, Instant createdAt,
                           Instant queuedAt, Instant canceledAt, Instant expiresAt, long timelockSeconds,
                           long graceSeconds, long lateQuorumSeconds, boolean votingExtended,
                           int parametersVersion, List<CoCreator> coCreators) {
}
