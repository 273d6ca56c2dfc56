package io.copartner.governance.service;

import io.copartner.governance.api.Votes;
import io.copartner.governance.domain.BallotClaims;
import io.copartner.governance.domain.DelegationClaims;
import io.copartner.governance.domain.VoteProblems;
import io.copartner.governance.persistence.VotesStore;
import io.copartner.identity.api.DidSignatures;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ballots and delegation statements as the pinned contract has them. The signature is checked before any
 * transaction starts (CPU only), against facts and a snapshot this instance holds in memory once voting opened
 * ({@link ActiveProposals}, {@link SnapshotCache}); the write is one short transaction ({@link BallotWriter}) that
 * re-reads whether voting is open; the quorum check after it is in memory ({@link LiveTallies}) and reaches the
 * lifecycle once, the first time quorum is reached.
 */
@ApplicationScoped
public class VotesService implements Votes {

    private static final Logger LOG = Logger.getLogger(VotesService.class.getName());
    static final long MAX_SKEW_SECONDS = 300;

    @Inject
    DidSignatures signatures;

    @Inject
    ProposalWindows windows;

    @Inject
    ActiveProposals active;

    @Inject
    BallotWriter writer;

    @Inject
    VotesStore store;

    @Inject
    SnapshotCache snapshots;

    @Inject
    LiveTallies live;

    @Inject
    VotingBooth booth;

    @Inject
    AuditLog auditLog;

    Clock clock = Clock.systemUTC();

    @Override
    public BallotAccepted castBallot(UUID proposal, String ballotJws, String callerDid) {
        DidSignatures.Verified jws = verify(ballotJws, true);
        BallotClaims ballot = BallotClaims.parse(jws.header(), jws.payload(), proposal);
        if (!jws.signerDid().equals(ballot.voter())) {
            throw VoteProblems.badSignature("the kid is not the key of the voter " + ballot.voter());
        }
        if (callerDid == null || !callerDid.equals(ballot.voter())) {
            throw VoteProblems.signerMismatch("the ballot's voter is not the DID of the signed-in caller");
        }
        requireFresh(ballot.issuedAt(), true);
        ProposalFacts facts = active.facts(proposal)
            .orElseThrow(() -> ProblemException.notFound("no proposal " + proposal));
        if (facts.state() != ProposalFacts.ProposalStatus.ACTIVE) {
            throw VoteProblems.votingClosed("proposal " + proposal + " is " + facts.state() + ", not ACTIVE");
        }
        if (ballot.voter().equals(facts.listingMerchantDid())) {
            throw VoteProblems.conflictOfInterest("the listing's merchant cannot vote on its own listing");
        }
        // A cached snapshot was written, so the round trip is only needed until this instance holds it.
        if (!snapshots.holds(proposal) && store.snapshotRow(proposal).isEmpty()) {
            throw VoteProblems.votingClosed("voting on " + proposal + " has not opened");
        }
        if (snapshots.get(proposal).indexOf(ballot.voter()) < 0) {
            throw VoteProblems.notEligible(ballot.voter() + " was not a member before the snapshot at "
                + facts.snapshotAt());
        }
        BallotWriter.Accepted accepted = writer.acceptBallot(ballot, ballotJws);
        checkQuorum(facts, ballot, accepted);
        return new BallotAccepted(accepted.ballotId(), proposal, ballot.voter(), ballot.choice().wire(),
            accepted.receivedAt(), accepted.replaces());
    }

    /** Reports quorum to the lifecycle the first time the live tally reaches it (never fails the accepted ballot). */
    private void checkQuorum(ProposalFacts facts, BallotClaims ballot, BallotWriter.Accepted accepted) {
        try {
            if (accepted.quorumReported()) {
                live.forget(facts.id());
                return;
            }
            if (live.applyAndCheck(facts.id(), ballot.voter(), ballot.choice(), accepted.seq(), facts.quorumBps())) {
                writer.reportQuorum(facts.id(), accepted.receivedAt(), windows);
                live.forget(facts.id());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "quorum check of proposal " + facts.id() + " failed; the next ballot retries", e);
        }
    }

    @Override
    public BallotPage ballots(UUID proposal, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        long after = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.malformed("cursor must be the next value of an earlier page");
            }
        }
        if (windows.facts(proposal).isEmpty()) {
            throw ProblemException.notFound("no proposal " + proposal);
        }
        Optional<VotesStore.SnapshotRow> row = store.snapshotRow(proposal);
        if (row.isEmpty()) {
            return new BallotPage(List.of(), null);
        }
        List<VotesStore.BallotRow> rows = store.ballots(proposal, after, limit + 1);
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        List<Long> entryIds = new ArrayList<>(rows.size());
        rows.forEach(r -> entryIds.add(r.auditEntryId()));
        Map<Long, Long> leaves = rows.isEmpty() ? new HashMap<>() : auditLog.leafIndexesOf(entryIds);
        List<PublishedBallot> items = new ArrayList<>(rows.size());
        for (VotesStore.BallotRow r : rows) {
            items.add(new PublishedBallot(r.id(), r.jws(), r.receivedAt(), !r.superseded(),
                leaves.get(r.auditEntryId())));
        }
        return new BallotPage(items, more ? Long.toString(rows.get(rows.size() - 1).seq()) : null);
    }

    @Override
    public Optional<String> weights(UUID proposal) {
        return store.weightsJson(proposal);
    }

    @Override
    public Optional<Tally> tally(UUID proposal) {
        return booth.tally(proposal).map(t -> new Tally(t.isFinal(), t.forWeight(), t.againstWeight(),
            t.abstainWeight(), t.totalEligibleWeight(), t.quorumReached(), t.succeeded(), t.ballotsHash(),
            t.snapshotHash(), t.auditIndex()));
    }

    @Override
    public DelegationAccepted putDelegation(String statementJws, String callerDid) {
        DidSignatures.Verified jws = verify(statementJws, false);
        DelegationClaims statement = DelegationClaims.parse(jws.header(), jws.payload());
        if (!jws.signerDid().equals(statement.delegator())) {
            throw VoteProblems.badSignature("the kid is not the key of the delegator " + statement.delegator());
        }
        if (callerDid == null || !callerDid.equals(statement.delegator())) {
            throw VoteProblems.signerMismatch("the statement's delegator is not the DID of the signed-in caller");
        }
        requireFresh(statement.issuedAt(), false);
        Instant at = writer.acceptStatement(statement, statementJws);
        return new DelegationAccepted(statement.delegator(), at);
    }

    @Override
    public Optional<DelegationInForce> delegationOf(String delegatorDid) {
        return store.currentStatement(delegatorDid).map(s -> new DelegationInForce(s.delegator(), s.jws(),
            s.receivedAt(), s.shares().stream().map(x -> new Share(x.delegate(), x.shareBps())).toList(),
            VotesStoreKinds.names(s.kinds())));
    }

    private DidSignatures.Verified verify(String compact, boolean ballot) {
        try {
            return signatures.verifyCompact(compact);
        } catch (DidSignatures.InvalidJws e) {
            if (e.failure() == DidSignatures.Failure.SIGNATURE) {
                throw VoteProblems.badSignature(e.getMessage());
            }
            throw ballot ? VoteProblems.invalidBallot(e.getMessage()) : VoteProblems.invalidDelegation(e.getMessage());
        }
    }

    private void requireFresh(long issuedAt, boolean ballot) {
        long now = clock.instant().getEpochSecond();
        if (Math.abs(issuedAt - now) > MAX_SKEW_SECONDS) {
            throw VoteProblems.staleStatement("issuedAt " + issuedAt + " is more than " + MAX_SKEW_SECONDS
                + " s from the server time " + now);
        }
    }
}
