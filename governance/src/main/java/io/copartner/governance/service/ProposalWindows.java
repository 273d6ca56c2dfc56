package io.copartner.governance.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The lifecycle side of the seam, called by the voting booth: read a proposal's facts, and report that quorum was
 * first reached (the lifecycle extends the voting period when that happens in its last {@code lateQuorumSeconds},
 * at most once, and returns the facts with the new {@code votingEndsAt}).
 */
public interface ProposalWindows {

    Optional<ProposalFacts> facts(UUID proposalId);

    ProposalFacts quorumFirstReached(UUID proposalId, Instant at);
}
