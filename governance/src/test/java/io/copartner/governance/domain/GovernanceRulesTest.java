package io.copartner.governance.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    static RevenuePolicy policy(int pool, int fee, List<Integer> levels) {
        return new RevenuePolicy(pool, fee, levels, 100, 10L, 5L, List.of(new ExchangeRate("A", "B", 8000L)));
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
            0L, List.of()), 2), "a missing value is a 400, not a zero");
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new RevenuePolicy(3000, 500, List.of(), 100,
            0L, 0L, List.of(new ExchangeRate("A", "A", 1L))), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new RevenuePolicy(3000, 500, List.of(), 100,
            0L, 0L, List.of(new ExchangeRate("A", "B", 0L))), 2));
        assertThrows(ProblemException.class, () -> GovernanceRules.check(new RevenuePolicy(3000, 500, List.of(), 100,
            0L, 0L, List.of(new ExchangeRate("A b", "B", 1L))), 2));
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

    @Test
    void theCodecRoundTrips() {
        RevenuePolicy p = policy(3000, 500, List.of(1000, 500));
        assertEquals(p, ParameterCodec.decodePolicy(ParameterCodec.encode(p)));
        RevenuePolicy none = new RevenuePolicy(0, 0, List.of(), 0, 0L, 0L, List.of());
        assertEquals(none, ParameterCodec.decodePolicy(ParameterCodec.encode(none)));
        GovernanceParameters g = parameters(kind(20, 5, 5000), TIERS, 2);
        assertEquals(g, ParameterCodec.decodeParameters(ParameterCodec.encode(g)));
    }
}
