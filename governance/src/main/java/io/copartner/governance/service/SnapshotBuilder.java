package io.copartner.governance.service;

import io.copartner.governance.api.Contributions;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.governance.domain.WeightRules;
import io.copartner.governance.domain.WeightSnapshot;
import io.copartner.governance.persistence.VotesStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Computes a proposal's weight snapshot (issue 9 item 5): every member before {@code snapshotAt} (but the listing's
 * merchant, who may not vote on its own listing), base by strategy, weight = floor(base × tierBps / 10000); and the
 * delegation statements in force at it that apply to the proposal's kind (none for QUADRATIC).
 */
final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    static WeightSnapshot build(ProposalFacts p, MemberRoster roster, Contributions contributions,
                                Supplier<Set<String>> membershipHolders, List<VotesStore.StatementRow> statements) {
        Instant at = p.snapshotAt();
        List<MemberRoster.Member> members = new ArrayList<>();
        for (MemberRoster.Member m : roster.membersBefore(at)) {
            if (!m.did().equals(p.listingMerchantDid())) {
                members.add(m);
            }
        }
        WeightStrategy strategy = p.strategy();
        if (strategy == WeightStrategy.QUADRATIC) {
            Set<String> holders = membershipHolders.get();
            members.removeIf(m -> !holders.contains(m.did()));
        }
        Map<String, Long> spend = strategy == WeightStrategy.ONE_MEMBER_ONE_VOTE ? Map.of()
            : contributions.over(members.stream().map(m -> new Contributions.Contributor(m.did(), m.partyId())).toList(),
                at.minusSeconds(p.contributionWindowSeconds()), at);
        List<WeightSnapshot.VoterWeight> voters = new ArrayList<>(members.size());
        for (MemberRoster.Member m : members) {
            long contribution = spend.getOrDefault(m.did(), 0L);
            long base = switch (strategy) {
                case ONE_MEMBER_ONE_VOTE -> 1;
                case CAPPED_CONTRIBUTION -> WeightRules.capped(contribution, p.contributionCap());
                case QUADRATIC -> WeightRules.isqrt(contribution);
            };
            int tier = roster.tierBpsAt(m, at);
            voters.add(new WeightSnapshot.VoterWeight(m.did(), base, tier, WeightRules.weight(base, tier)));
        }
        List<WeightSnapshot.StatementInForce> inForce = new ArrayList<>();
        for (VotesStore.StatementRow s : statements) {
            if (s.kinds().contains(p.kind())) {
                inForce.add(new WeightSnapshot.StatementInForce(s.jws(), s.receivedAt(), s.claims()));
            }
        }
        return new WeightSnapshot(strategy, at, voters, inForce);
    }
}
