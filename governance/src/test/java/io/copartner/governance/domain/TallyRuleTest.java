package io.copartner.governance.domain;

import static io.copartner.governance.domain.Snapshots.statement;
import static io.copartner.governance.domain.Snapshots.voter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.governance.api.WeightStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TallyRuleTest {

    static TallyRule.Totals tally(WeightSnapshot s, Map<String, Choice> votes) {
        byte[] choices = new byte[s.size()];
        votes.forEach((v, c) -> choices[s.indexOf(v)] = TallyRule.code(c));
        TallyRule.Totals oneShot = TallyRule.compute(s, choices);
        LiveTally live = new LiveTally(s);
        long seq = 1;
        for (Map.Entry<String, Choice> e : votes.entrySet()) {
            live.apply(s.indexOf(e.getKey()), e.getValue(), seq++);
        }
        assertEquals(oneShot, live.totals(), "the live tally agrees with the one-pass rule");
        return oneShot;
    }

    @Test
    void delegationSplitsRoundDownPerDelegation() {
        // a (weight 7) delegates 33.33 % to b and 66.67 % to c: floor(7×3333/10000)=2, floor(7×6667/10000)=4; 1 is lost
        WeightSnapshot s = Snapshots.of(WeightStrategy.ONE_MEMBER_ONE_VOTE,
            List.of(voter("a", 7), voter("b", 1), voter("c", 1)), List.of(statement("a", "b", 3333, "c", 6667)));
        TallyRule.Totals t = tally(s, Map.of("b", Choice.FOR, "c", Choice.AGAINST));
        assertEquals(3, t.forWeight());
        assertEquals(5, t.againstWeight());
        assertEquals(9, s.totalEligibleWeight());
    }

    @Test
    void aDelegatorWhoVotesOverridesTheirDelegation() {
        WeightSnapshot s = Snapshots.of(WeightStrategy.ONE_MEMBER_ONE_VOTE,
            List.of(voter("a", 10), voter("b", 1)), List.of(statement("a", "b", 10_000)));
        assertEquals(new TallyRule.Totals(11, 0, 0), tally(s, Map.of("b", Choice.FOR)));
        assertEquals(new TallyRule.Totals(1, 10, 0), tally(s, Map.of("b", Choice.FOR, "a", Choice.AGAINST)));
    }

    @Test
    void delegationIsNotTransitiveAndNeedsTheDelegateToVote() {
        WeightSnapshot s = Snapshots.of(WeightStrategy.ONE_MEMBER_ONE_VOTE,
            List.of(voter("a", 4), voter("b", 2), voter("c", 1)),
            List.of(statement("a", "b", 10_000), statement("b", "c", 10_000)));
        // c votes: gets b's 2 (b did not vote) but not a's 4 through b
        assertEquals(new TallyRule.Totals(3, 0, 0), tally(s, Map.of("c", Choice.FOR)));
        // nobody voted for a's delegate: a's weight is not counted
        assertEquals(new TallyRule.Totals(0, 0, 0), tally(s, Map.of()));
    }

    @Test
    void partialDelegationKeepsNothingForTheDelegatorUnlessTheyVote() {
        WeightSnapshot s = Snapshots.of(WeightStrategy.ONE_MEMBER_ONE_VOTE,
            List.of(voter("a", 100), voter("b", 1)), List.of(statement("a", "b", 2500)));
        assertEquals(new TallyRule.Totals(0, 0, 26), tally(s, Map.of("b", Choice.ABSTAIN)));
        assertEquals(new TallyRule.Totals(100, 0, 1), tally(s, Map.of("b", Choice.ABSTAIN, "a", Choice.FOR)));
    }

    @Test
    void aRevocationOrAnIneligibleDelegatorHasNoEffect() {
        WeightSnapshot s = Snapshots.of(WeightStrategy.ONE_MEMBER_ONE_VOTE,
            List.of(voter("a", 5), voter("b", 1)), List.of(statement("a"), statement("stranger", "b", 10_000)));
        assertTrue(s.delegations().isEmpty(), "a revocation and a non-member's statement are not in force");
        assertEquals(new TallyRule.Totals(1, 0, 0), tally(s, Map.of("b", Choice.FOR)));
    }

    @Test
    void quadraticIgnoresDelegation() {
        WeightSnapshot s = Snapshots.of(WeightStrategy.QUADRATIC,
            List.of(voter("a", 5), voter("b", 1)), List.of(statement("a", "b", 10_000)));
        assertTrue(s.delegations().isEmpty());
        assertEquals(new TallyRule.Totals(1, 0, 0), tally(s, Map.of("b", Choice.FOR)));
    }

    @Test
    void aLaterBallotReplacesTheEarlierAndOlderOnesAreIgnored() {
        WeightSnapshot s = Snapshots.of(WeightStrategy.ONE_MEMBER_ONE_VOTE,
            List.of(voter("a", 3), voter("b", 2)), List.of(statement("a", "b", 5000)));
        LiveTally live = new LiveTally(s);
        live.apply(s.indexOf("b"), Choice.FOR, 1);
        assertEquals(new TallyRule.Totals(3, 0, 0), live.totals()); // 2 + floor(3 × 0.5)
        live.apply(s.indexOf("b"), Choice.AGAINST, 2);
        assertEquals(new TallyRule.Totals(0, 3, 0), live.totals());
        live.apply(s.indexOf("b"), Choice.FOR, 1); // a replay of the older ballot changes nothing
        assertEquals(new TallyRule.Totals(0, 3, 0), live.totals());
        live.apply(s.indexOf("a"), Choice.FOR, 3);
        assertEquals(new TallyRule.Totals(3, 2, 0), live.totals());
    }

    @Test
    void liveTallyEqualsTheOnePassRuleOnRandomElections() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(30);
            List<WeightSnapshot.VoterWeight> voters = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                voters.add(voter("v" + i, random.nextInt(1000)));
            }
            List<WeightSnapshot.StatementInForce> statements = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (random.nextInt(3) == 0) {
                    int a = random.nextInt(n);
                    int b = random.nextInt(n);
                    if (a != i && b != i && a != b) {
                        statements.add(statement("v" + i, "v" + a, 1 + random.nextInt(5000), "v" + b,
                            1 + random.nextInt(5000)));
                    }
                }
            }
            WeightSnapshot s = Snapshots.of(WeightStrategy.CAPPED_CONTRIBUTION, voters, statements);
            LiveTally live = new LiveTally(s);
            Map<String, Choice> latest = new HashMap<>();
            int ballots = random.nextInt(3 * n);
            for (int k = 1; k <= ballots; k++) {
                String v = "v" + random.nextInt(n);
                Choice c = Choice.values()[random.nextInt(3)];
                latest.put(v, c);
                live.apply(s.indexOf(v), c, k);
            }
            byte[] choices = new byte[s.size()];
            latest.forEach((v, c) -> choices[s.indexOf(v)] = TallyRule.code(c));
            assertEquals(TallyRule.compute(s, choices), live.totals(), "round " + round);
        }
    }
}
