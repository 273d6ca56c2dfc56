package io.copartner.governance.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed ballots, delegation statements, weight snapshots and tallies (issue 9, pinned public contract). Refusals are
 * {@link io.copartner.kernel.problem.ProblemException}s: ballot-invalid / delegation-invalid / statement-stale (400),
 * signature-invalid / signer-mismatch / not-eligible / conflict-of-interest (403), not-found (404),
 * voting-closed / nonce-replayed (409).
 */
public interface Votes {

    int MAX_PAGE = 1000;

    /** Accepts a ballot JWS for {@code proposal} from the signed-in {@code callerDid}. */
    BallotAccepted castBallot(UUID proposal, String ballotJws, String callerDid);

    /** Every ballot ever accepted, in receive order, after {@code cursor} (null: from the start). */
    BallotPage ballots(UUID proposal, String cursor, int limit);

    /** The served {@code /weights} JSON document, empty before voting opened or for an unknown proposal. */
    Optional<String> weights(UUID proposal);

    /** The live or final tally, empty before voting opened or for an unknown proposal. */
    Optional<Tally> tally(UUID proposal);

    /** Accepts a delegation statement JWS from the signed-in {@code callerDid}: it replaces their previous one. */
    DelegationAccepted putDelegation(String statementJws, String callerDid);

    /** The member's statement in force now (possibly a revocation: no delegations), if they ever made one. */
    Optional<DelegationInForce> delegationOf(String delegatorDid);

    record BallotAccepted(UUID ballotId, UUID proposal, String voter, String choice, Instant receivedAt, UUID replaces) {
    }

    record PublishedBallot(UUID ballotId, String ballot, Instant receivedAt, boolean counted, Long auditIndex) {
    }

    record BallotPage(List<PublishedBallot> items, String next) {
    }

    record Tally(boolean isFinal, long forWeight, long againstWeight, long abstainWeight, long totalEligibleWeight,
                 boolean quorumReached, boolean succeeded, String ballotsHash, String snapshotHash, Long auditIndex) {
    }

    record DelegationAccepted(String delegator, Instant receivedAt) {
    }

    record Share(String delegate, int shareBps) {
    }

    record DelegationInForce(String delegator, String statement, Instant receivedAt, List<Share> delegations,
                             List<String> kinds) {
    }
}
