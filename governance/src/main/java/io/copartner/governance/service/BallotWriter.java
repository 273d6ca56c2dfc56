package io.copartner.governance.service;

import io.copartner.governance.domain.BallotClaims;
import io.copartner.governance.domain.DelegationClaims;
import io.copartner.governance.domain.VoteProblems;
import io.copartner.governance.persistence.BallotStatements;
import io.copartner.governance.persistence.VotesStore;
import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.id.Ids;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write transactions of ballots and delegation statements: a few statements each, no shared row locked. A
 * signer's writes are serialised by an advisory lock on the signer (nonce and replacement stay exact); ballots hold
 * the proposal's advisory lock shared, the final tally exclusively, so none commits beside the final tally. A ballot
 * costs three round trips and the commit ({@link BallotStatements}: locks, nonce and state; the audit entry; the
 * supersede and insert).
 */
@ApplicationScoped
public class BallotWriter {

    /** A ballot accepted: its number in receive order too, and whether quorum had been reported before it. */
    public record Accepted(UUID ballotId, long seq, Instant receivedAt, UUID replaces, boolean quorumReported) {
    }

    @Inject
    VotesStore store;

    @Inject
    BallotStatements statements;

    @Inject
    ActiveProposals active;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public Accepted acceptBallot(BallotClaims ballot, String jws) {
        BallotStatements.Opening opening = statements.open(ballot.proposal(), ballot.voter(), ballot.nonce(),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
        // Taken once the voter's lock is held, so one voter's ballots have increasing receivedAt, as before.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!opening.openAt(now)) {
            active.forget(ballot.proposal());
            throw VoteProblems.votingClosed("voting on " + ballot.proposal() + " is not open");
        }
        if (!opening.nonceFresh()) {
            throw VoteProblems.nonceReplayed("the nonce was already used by " + ballot.voter());
        }
        UUID previous = opening.currentBallot();
        UUID id = Ids.newId();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("proposal", ballot.proposal().toString());
        payload.put("ballotId", id.toString());
        payload.put("voter", ballot.voter());
        payload.put("choice", ballot.choice().wire());
        payload.put("jwsSha256", sha256(jws));
        if (previous != null) {
            payload.put("replaces", previous.toString());
        }
        AuditReceipt receipt = audit.record("governance.ballot.accepted", "proposal:" + ballot.proposal(), now, payload);
        long seq = statements.insert(id, ballot.proposal(), ballot.voter(), ballot.choice(), jws, now, previous,
            receipt.entryId());
        return new Accepted(id, seq, now, previous, opening.quorumReported());
    }

    @Transactional
    public Instant acceptStatement(DelegationClaims statement, String jws) {
        store.lockSigner(statement.delegator());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!store.useNonce(statement.delegator(), statement.nonce(), now)) {
            throw VoteProblems.nonceReplayed("the nonce was already used by " + statement.delegator());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delegator", statement.delegator());
        payload.put("delegations", statement.delegations().stream()
            .map(s -> Map.<String, Object>of("delegate", s.delegate(), "shareBps", s.shareBps())).toList());
        payload.put("kinds", List.copyOf(VotesStoreKinds.names(statement.kinds())));
        payload.put("jwsSha256", sha256(jws));
        AuditReceipt receipt = audit.record("governance.delegation.accepted", "delegator:" + statement.delegator(), now,
            payload);
        store.insertStatement(statement.delegator(), jws, statement.kinds(), statement.delegations(), now,
            receipt.entryId());
        return now;
    }

    /** Records that quorum was first reached (once) and tells the lifecycle, which may extend the period. */
    @Transactional
    public void reportQuorum(UUID proposal, Instant at, ProposalWindows windows) {
        if (store.markQuorumReported(proposal, at)) {
            windows.quorumFirstReached(proposal, at);
        }
    }

    static String sha256(String jws) {
        return Hashes.hex(Hashes.sha256(jws.getBytes(StandardCharsets.US_ASCII)));
    }
}
