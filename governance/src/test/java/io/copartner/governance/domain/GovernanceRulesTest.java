package io.copartner.governance.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.governance.api.CoCreator;
import io.copartner.governance.api.ContributionWeights;
import io.copartner.governance.api.ExchangeRate;
import io.copartner.governance.api.GovernanceParameters;
import io.copartner.governance.api.KindParameters;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.governance.api.TierStep;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.kernel.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GovernanceRulesTest {

    static final ContributionWeights W = GovernanceRules.DEFAULT_CONTRIBUTION_WEIGHTS;

    static RevenuePolicy policy(int pool, int fee, List<Integer> levels) {
        return new RevenuePolicy(pool, fee, levels, 100, 10L, 5L, List.of(new ExchangeRate("A", "B", 8000L)), 0,
            GovernanceRules.DEFAULT_CONTRIBUTION_WEIGHTS);
    }

    static KindParameters kind(long period, long late, int threshold) {
        return new KindParameters(2L, period, 1000, threshold, 3L, 10L, late, 0L, WeightStrategy.QUADRATIC, 1000L,
            3600L);
    }

    static GovernanceParameters parameters(KindParameters k, List<TierStep> tiers, int levels) {
        Map<String, KindParameters> kinds = new LinkedHashMap<>();
        for (ProposalKind kind : ProposalKind.values()) {
            kinds.put(kind.name(), k);
        }
        return new GovernanceParameters(kinds, tiers, levels);
    }

    static final List<TierStep> TIERS = List.of(new TierStep(0L, 10000), new TierStep(31536000L, 12500),
        new TierStep(94608000L, 15000));

    @Test
    void policyBounds() {
        assertDoesNotThrow(() -> GovernanceRules.check(policy(3000, 500, List.of(1000, 500)), 2));
        assertDoesNotThrow(() -> GovernanceRules.check(policy(9500, 500, List.of()), 2), "pool + fee = 10000");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(policy(9501, 500, List.of()), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(policy(-1, 500, List.of()), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(policy(3000, 5001, List.of()), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(policy(3000, 500, List.of(2001)), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(policy(3000, 500,
            List.of(1500, 1500, 1)), 3), "commissions sum above 3000");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new RevenuePolicy(3000, 500, null, 100, 0L,
            0L, List.of(), 0, W), 2), "a missing value is a 400, not a zero");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new RevenuePolicy(3000, 500, List.of(), 100,
            0L, 0L, List.of(new ExchangeRate("A", "A", 1L)), 0, W), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new RevenuePolicy(3000, 500, List.of(), 100,
            0L, 0L, List.of(new ExchangeRate("A", "B", 0L)), 0, W), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new RevenuePolicy(3000, 500, List.of(), 100,
            0L, 0L, List.of(new ExchangeRate("A b", "B", 1L)), 0, W), 2));
    }

    @Test
    void referralLevelsFollowTheGovernedCapNeverAboveThree() {
        assertDoesNotThrow(() -> GovernanceRules.check(policy(3000, 500, List.of(1000, 500)), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(policy(3000, 500, List.of(1000, 500, 100)), 2));
        assertDoesNotThrow(() -> GovernanceRules.check(policy(3000, 500, List.of(1000, 500, 100)), 3));
        assertDoesNotThrow(() -> GovernanceRules.check(parameters(kind(20, 0, 5000), TIERS, 3)));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 0, 5000), TIERS, 4)));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 0, 5000), TIERS, 0)));
    }

    @Test
    void parameterBounds() {
        assertDoesNotThrow(() -> GovernanceRules.check(parameters(kind(20, 20, 9999), TIERS, 2)));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 21, 5000), TIERS, 2)),
            "late quorum longer than the period");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(0, 0, 5000), TIERS, 2)));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 0, 10000), TIERS, 2)),
            "a threshold nothing can pass");
        Map<String, KindParameters> missing = new LinkedHashMap<>();
        missing.put("GENERAL", kind(20, 0, 5000));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new GovernanceParameters(missing, TIERS, 2)));
        Map<String, KindParameters> unknown = new LinkedHashMap<>(parameters(kind(20, 0, 5000), TIERS, 2).kinds());
        unknown.put("LOTTERY", kind(20, 0, 5000));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new GovernanceParameters(unknown, TIERS, 2)));
    }

    @Test
    void tierSchedules() {
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 0, 5000),
            List.of(new TierStep(1L, 10000)), 2)), "the first step is at 0");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 0, 5000),
            List.of(new TierStep(0L, 10000), new TierStep(10L, 9000)), 2)), "never lower");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 0, 5000),
            List.of(new TierStep(0L, 9999)), 2)), "never below 1x");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(parameters(kind(20, 0, 5000),
            List.of(new TierStep(0L, 10000), new TierStep(0L, 12000)), 2)), "ascending");
        assertEquals(10000, GovernanceRules.tierBps(TIERS, 0));
        assertEquals(10000, GovernanceRules.tierBps(TIERS, 31535999));
        assertEquals(12500, GovernanceRules.tierBps(TIERS, 31536000));
        assertEquals(15000, GovernanceRules.tierBps(TIERS, 94608000));
    }

    static RevenuePolicy withCoCreation(int pool, int fee, List<Integer> levels, Integer coCreation) {
        return new RevenuePolicy(pool, fee, levels, 100, 10L, 5L, List.of(), coCreation, W);
    }

    @Test
    void coCreationShareBounds() {
        assertDoesNotThrow(() -> GovernanceRules.check(withCoCreation(3000, 500, List.of(1000, 500), 500), 2));
        assertDoesNotThrow(() -> GovernanceRules.check(withCoCreation(3000, 500, List.of(1000, 500), 2000), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withCoCreation(3000, 500, List.of(), 2001), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withCoCreation(3000, 500, List.of(), -1), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withCoCreation(3000, 500, List.of(), null), 2),
            "validated policies always carry it (the service fills an omitted one from the policy in force)");
        assertDoesNotThrow(() -> GovernanceRules.check(withCoCreation(6000, 500, List.of(1000, 500), 2000), 2),
            "exactly the whole");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withCoCreation(6000, 500, List.of(1000, 500),
            2001), 2), "commissions and co-creation must fit in the merchant's part");
    }

    static final String A = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    static final String B = "did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH";

    @Test
    void coCreatorsAreDistinctPositiveAndFitInTheWhole() {
        assertDoesNotThrow(() -> GovernanceRules.checkCoCreators(null));
        assertDoesNotThrow(() -> GovernanceRules.checkCoCreators(List.of()));
        assertDoesNotThrow(() -> GovernanceRules.checkCoCreators(List.of(new CoCreator(A, 7000), new CoCreator(B, 3000))));
        assertDoesNotThrow(() -> GovernanceRules.checkCoCreators(List.of(new CoCreator(A, 1))));
        assertThrows(ProblemException.class, () -> GovernanceRules.checkCoCreators(List.of(new CoCreator(A, 0))));
        assertThrows(ProblemException.class, () -> GovernanceRules.checkCoCreators(List.of(new CoCreator(A, null))));
        assertThrows(ProblemException.class, () -> GovernanceRules.checkCoCreators(List.of(new CoCreator(A, 7000),
            new CoCreator(B, 3001))), "above 10000 in total");
        assertThrows(ProblemException.class, () -> GovernanceRules.checkCoCreators(List.of(new CoCreator(A, 100),
            new CoCreator(A, 100))), "the same partner twice");
        assertThrows(ProblemException.class, () -> GovernanceRules.checkCoCreators(List.of(
            new CoCreator("party:abc", 100))), "a did:key");
        java.util.List<CoCreator> many = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(new CoCreator("did:key:z6Mk" + "abcdefghijkmnopqrstu" + "ABCDEFGHJKLMNPQRSTUVWXYZ".charAt(i), 1));
        }
        assertThrows(ProblemException.class, () -> GovernanceRules.checkCoCreators(many), "at most 20");
        assertDoesNotThrow(() -> GovernanceRules.checkCoCreators(many.subList(0, 20)));
    }

    @Test
    void coCreatorsRoundTripAndOldPoliciesGetTheDefault() {
        var shares = List.of(new io.copartner.governance.api.event.ProposalExecuted.CoCreatorShare(A, "party:1", 7000),
            new io.copartner.governance.api.event.ProposalExecuted.CoCreatorShare(B, "party:2", 3000));
        assertEquals(shares, CoCreatorCodec.decode(CoCreatorCodec.encode(shares)));
        assertEquals(null, CoCreatorCodec.encode(List.of()));
        String old = ParameterCodec.encode(policy(3000, 500, List.of(1000, 500))).replaceAll("\ncoCreationShareBps=0", "");
        assertEquals(GovernanceRules.DEFAULT_CO_CREATION_SHARE_BPS, ParameterCodec.decodePolicy(old).coCreationShareBps());
    }

    @Test
    void theCodecRoundTrips() {
        RevenuePolicy p = policy(3000, 500, List.of(1000, 500));
        assertEquals(p, ParameterCodec.decodePolicy(ParameterCodec.encode(p)));
        RevenuePolicy none = new RevenuePolicy(0, 0, List.of(), 0, 0L, 0L, List.of(), 0, new ContributionWeights(0, 0, 1));
        assertEquals(none, ParameterCodec.decodePolicy(ParameterCodec.encode(none)));
        GovernanceParameters g = parameters(kind(20, 5, 5000), TIERS, 2);
        assertEquals(g, ParameterCodec.decodeParameters(ParameterCodec.encode(g)));
    }

    static RevenuePolicy withWeights(ContributionWeights w) {
        return new RevenuePolicy(3000, 500, List.of(1000, 500), 100, 10L, 5L, List.of(), 500, w);
    }

    @Test
    void contributionWeightBounds() {
        assertEquals(new ContributionWeights(10000, 10000, 0), GovernanceRules.DEFAULT_CONTRIBUTION_WEIGHTS,
            "the default is spend plus referrals, as settled before co-creation counted");
        assertDoesNotThrow(() -> GovernanceRules.check(withWeights(W), 2));
        assertDoesNotThrow(() -> GovernanceRules.check(withWeights(new ContributionWeights(10000, 10000, 10000)), 2));
        assertDoesNotThrow(() -> GovernanceRules.check(withWeights(new ContributionWeights(0, 0, 1)), 2));
        assertDoesNotThrow(() -> GovernanceRules.check(withWeights(new ContributionWeights(1, 0, 0)), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withWeights(new ContributionWeights(0, 0, 0)),
            2), "all zero: nobody could ever be paid");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withWeights(
            new ContributionWeights(10001, 0, 0)), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withWeights(
            new ContributionWeights(0, 10001, 0)), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withWeights(
            new ContributionWeights(0, 0, 10001)), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withWeights(
            new ContributionWeights(-1, 10000, 0)), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withWeights(
            new ContributionWeights(10000, null, 0)), 2), "a missing factor is a 400, not a zero");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(withWeights(null), 2),
            "validated policies always carry them (the service fills omitted ones from the policy in force)");
    }

    @Test
    void contributionWeightsRoundTripAndOldPoliciesGetTheDefault() {
        RevenuePolicy p = withWeights(new ContributionWeights(7000, 2500, 10000));
        String text = ParameterCodec.encode(p);
        assertTrue(text.contains("\ncontributionWeights=7000,2500,10000"), text);
        assertEquals(p, ParameterCodec.decodePolicy(text));
        String old = text.replace("\ncontributionWeights=7000,2500,10000", "");
        assertEquals(GovernanceRules.DEFAULT_CONTRIBUTION_WEIGHTS, ParameterCodec.decodePolicy(old)
            .contributionWeights(), "a version stored before weights were governed settles as it did");
        // The text of a version stored before this change, exactly as it was encoded then.
        String before = "partnerPoolBps=3000\nplatformFeeBps=500\ncommissionBps=1000,500\npurchaseRewardBps=100\n"
            + "reviewRewardPoints=0\nshareRewardPoints=0\npointExchangeRates=\ncoCreationShareBps=500";
        RevenuePolicy decoded = ParameterCodec.decodePolicy(before);
        assertEquals(GovernanceRules.DEFAULT_CONTRIBUTION_WEIGHTS, decoded.contributionWeights());
        assertDoesNotThrow(() -> GovernanceRules.check(decoded, 2));
    }
}
