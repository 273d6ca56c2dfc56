package io.copartner.governance.domain;

import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.WeightStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Small snapshots for the tally tests. */
final class Snapshots {

    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private Snapshots() {
    }

    static WeightSnapshot.VoterWeight voter(String did, long weight) {
        return new WeightSnapshot.VoterWeight(did, weight, 10_000, weight);
    }

    static WeightSnapshot.StatementInForce statement(String delegator, Object... delegateAndBps) {
        List<DelegationClaims.Share> shares = new ArrayList<>();
        for (int i = 0; i < delegateAndBps.length; i += 2) {
            shares.add(new DelegationClaims.Share((String) delegateAndBps[i], (Integer) delegateAndBps[i + 1]));
        }
        return new WeightSnapshot.StatementInForce("jws-of-" + delegator, AT.minusSeconds(60),
            new DelegationClaims(delegator, shares, EnumSet.allOf(ProposalKind.class), 0, "n"));
    }

    static WeightSnapshot of(WeightStrategy strategy, List<WeightSnapshot.VoterWeight> voters,
                             List<WeightSnapshot.StatementInForce> statements) {
        return new WeightSnapshot(strategy, AT, voters, statements);
    }
}
