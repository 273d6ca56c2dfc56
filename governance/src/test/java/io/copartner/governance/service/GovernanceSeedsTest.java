package io.copartner.governance.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up check of the seeds: the defaults pass, each kind of bad value stops the start with its reason. */
class GovernanceSeedsTest {

    /** The defaults of the @ConfigProperty annotations. */
    private static GovernanceSeeds defaults() {
        GovernanceSeeds s = new GovernanceSeeds();
        s.votingDelaySeconds = 86400;
        s.votingPeriodSeconds = 604800;
        s.timelockSeconds = 172800;
        s.graceSeconds = 1209600;
        s.lateQuorumSeconds = 86400;
        s.quorumBps = 1000;
        s.thresholdBps = 5000;
        s.strategy = "ONE_MEMBER_ONE_VOTE";
        s.proposalThresholdSeconds = 0;
        s.contributionCap = 1_000_000;
        s.contributionWindowSeconds = 31_536_000;
        s.tierSchedule = "0:10000,31536000:12500,94608000:15000";
        s.maxReferralLevels = 2;
        return s;
    }

    @Test
    void theDefaultSeedsPass() {
        assertDoesNotThrow(() -> defaults().check());
    }

    @Test
    void aQuorumAboveAllTheWeightStopsTheStart() {
        GovernanceSeeds s = defaults();
        s.quorumBps = 10_001;
        IllegalStateException e = assertThrows(IllegalStateException.class, s::check);
        assertTrue(e.getMessage().startsWith("A governance seed (COPARTNER_GOVERNANCE_*) is invalid: "), e.getMessage());
    }

    @Test
    void anUnknownStrategyStopsTheStart() {
        GovernanceSeeds s = defaults();
        s.strategy = "ONE_DOLLAR_ONE_VOTE";
        IllegalStateException e = assertThrows(IllegalStateException.class, s::check);
        assertTrue(e.getMessage().contains("ONE_DOLLAR_ONE_VOTE"), e.getMessage());
    }

    @Test
    void aMalformedTierScheduleOrTooManyReferralLevelsStopTheStart() {
        GovernanceSeeds tiers = defaults();
        tiers.tierSchedule = "0:10000,soon:12500";
        assertThrows(IllegalStateException.class, tiers::check);
        GovernanceSeeds levels = defaults();
        levels.maxReferralLevels = 4;
        assertThrows(IllegalStateException.class, levels::check);
    }
}
