package io.copartner.governance.service;

import io.copartner.governance.api.Contributions;
import io.copartner.governance.domain.BallotsHash;
import io.copartner.governance.domain.TallyRule;
import io.copartner.governance.domain.WeightSnapshot;
import io.copartner.governance.persistence.VotesStore;
import io.copartner.identity.api.PartnerMemberships;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The voting booth the lifecycle calls: freezes the weight snapshot when voting opens, computes the final tally in one
 * pass over the ballots in receive order when it ends (writing {@code governance.tally.final} in the same
 * transaction), and serves the live tally meanwhile.
 */
@ApplicationScoped
public class VotingBoothService implements VotingBooth {

    @Inject
    VotesStore store;

    @Inject
    MemberRoster roster;

    @Inject
    Contributions contributions;

    @Inject
    PartnerMemberships memberships;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    SnapshotCache snapshots;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void openVoting(ProposalFacts proposal) {
        if (store.snapshotRow(proposal.id()).isPresent()) {
            return;
        }
        WeightSnapshot snapshot = SnapshotBuilder.build(proposal, roster, contributions,
            () -> memberships.holdersAt(proposal.snapshotAt()), store.statementsInForce(proposal.snapshotAt()));
        String canonical = snapshot.canonicalJson();
        String hash = WeightSnapshot.hashOf(canonical);
        java.util.List<Long> seqs = new java.util.ArrayList<>();
        java.util.Set<String> inForce = new java.util.HashSet<>();
        snapshot.delegations().forEach(d -> inForce.add(d.statement()));
        for (VotesStore.StatementRow s : store.statementsInForce(proposal.snapshotAt())) {
            if (inForce.contains(s.jws())) {
                seqs.add(s.seq());
            }
        }
        store.insertSnapshot(proposal.id(), proposal.kind(), snapshot, canonical, hash, seqs, now());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TallyView> tally(UUID proposalId) {
        Optional<VotesStore.SnapshotRow> row = store.snapshotRow(proposalId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        VotesStore.SnapshotRow r = row.get();
        if (r.isFinal()) {
            Long index = r.finalAuditEntryId() == null ? null
                : auditLog.leafIndexesOf(java.util.List.of(r.finalAuditEntryId())).get(r.finalAuditEntryId());
            return Optional.of(new TallyView(true, r.forWeight(), r.againstWeight(), r.abstainWeight(),
                r.totalEligibleWeight(), r.quorumReached(), r.succeeded(), r.ballotsHash(), r.snapshotHash(), index));
        }
        return Optional.of(compute(proposalId, r, null, false));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public TallyView finalizeTally(ProposalFacts proposal) {
        store.lockProposal(proposal.id(), true);
        VotesStore.SnapshotRow r = store.snapshotRow(proposal.id())
            .orElseThrow(() -> new IllegalStateException("voting never opened for " + proposal.id()));
        if (r.isFinal()) {
            return tally(proposal.id()).orElseThrow();
        }
        TallyView t = compute(proposal.id(), r, proposal.votingEndsAt(), true);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("proposal", proposal.id().toString());
        payload.put("for", Long.toString(t.forWeight()));
        payload.put("against", Long.toString(t.againstWeight()));
        payload.put("abstain", Long.toString(t.abstainWeight()));
        payload.put("totalEligibleWeight", Long.toString(t.totalEligibleWeight()));
        payload.put("quorumReached", t.quorumReached());
        payload.put("succeeded", t.succeeded());
        payload.put("ballotsHash", t.ballotsHash());
        payload.put("snapshotHash", t.snapshotHash());
        Instant now = now();
        AuditReceipt receipt = audit.record("governance.tally.final", "proposal:" + proposal.id(), now, payload);
        store.markFinal(proposal.id(), t.forWeight(), t.againstWeight(), t.abstainWeight(), t.quorumReached(),
            t.succeeded(), t.ballotsHash(), receipt.entryId(), now);
        return t;
    }

    /**
     * One pass over the ballots in receive order: every one goes into {@code ballotsHash}; a voter's last ballot
     * received strictly before {@code endsAt} (null: any) is the counted one.
     */
    private TallyView compute(UUID proposal, VotesStore.SnapshotRow r, Instant endsAt, boolean isFinal) {
        WeightSnapshot snapshot = snapshots.get(proposal);
        byte[] choices = new byte[snapshot.size()];
        BallotsHash hash = new BallotsHash();
        store.eachBallotForTally(proposal, endsAt, (voter, choice, jws, beforeEnd) -> {
            hash.add(jws);
            if (beforeEnd) {
                int v = snapshot.indexOf(voter);
                if (v >= 0) {
                    choices[v] = TallyRule.code(choice);
                }
            }
        });
        TallyRule.Totals totals = TallyRule.compute(snapshot, choices);
        int quorumBps = quorumBps(proposal);
        int thresholdBps = thresholdBps(proposal);
        boolean quorum = totals.quorumReached(snapshot.totalEligibleWeight(), quorumBps);
        return new TallyView(isFinal, totals.forWeight(), totals.againstWeight(), totals.abstainWeight(),
            snapshot.totalEligibleWeight(), quorum, totals.succeeded(snapshot.totalEligibleWeight(), quorumBps, thresholdBps),
            hash.hex(), r.snapshotHash(), null);
    }

    @Inject
    ProposalWindows windows;

    private int quorumBps(UUID proposal) {
        return windows.facts(proposal).map(ProposalFacts::quorumBps).orElseThrow();
    }

    private int thresholdBps(UUID proposal) {
        return windows.facts(proposal).map(ProposalFacts::thresholdBps).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
