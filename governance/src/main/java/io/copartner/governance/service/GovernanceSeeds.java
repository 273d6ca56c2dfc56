package io.copartner.governance.service;

import io.copartner.governance.api.ExchangeRate;
import io.copartner.governance.api.GovernanceParameters;
import io.copartner.governance.api.KindParameters;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.governance.api.WeightStrategy;
import io.copartner.governance.domain.GovernanceRules;
import io.copartner.governance.domain.ParameterCodec;
import io.copartner.kernel.event.PlatformStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first governance parameters and revenue policy of a fresh database, from MicroProfile Config (environment
 * variables {@code COPARTNER_GOVERNANCE_*}); afterwards only executed proposals change them. The same values apply
 * to every proposal kind.
 */
@ApplicationScoped
public class GovernanceSeeds {

    @Inject
    @ConfigProperty(name = "copartner.governance.voting-delay-seconds", defaultValue = "86400")
    long votingDelaySeconds;

    @Inject
    @ConfigProperty(name = "copartner.governance.voting-period-seconds", defaultValue = "604800")
    long votingPeriodSeconds;

    @Inject
    @ConfigProperty(name = "copartner.governance.timelock-seconds", defaultValue = "172800")
    long timelockSeconds;

    @Inject
    @ConfigProperty(name = "copartner.governance.grace-seconds", defaultValue = "1209600")
    long graceSeconds;

    @Inject
    @ConfigProperty(name = "copartner.governance.late-quorum-seconds", defaultValue = "86400")
    long lateQuorumSeconds;

    @Inject
    @ConfigProperty(name = "copartner.governance.quorum-bps", defaultValue = "1000")
    int quorumBps;

    @Inject
    @ConfigProperty(name = "copartner.governance.threshold-bps", defaultValue = "5000")
    int thresholdBps;

    @Inject
    @ConfigProperty(name = "copartner.governance.strategy", defaultValue = "ONE_MEMBER_ONE_VOTE")
    String strategy;

    @Inject
    @ConfigProperty(name = "copartner.governance.proposal-threshold-seconds", defaultValue = "0")
    long proposalThresholdSeconds;

    /** 10000.00 in minor units. */
    @Inject
    @ConfigProperty(name = "copartner.governance.contribution-cap", defaultValue = "1000000")
    long contributionCap;

    @Inject
    @ConfigProperty(name = "copartner.governance.contribution-window-seconds", defaultValue = "31536000")
    long contributionWindowSeconds;

    /** member 10000, after one year 12500, after three years 15000. */
    @Inject
    @ConfigProperty(name = "copartner.governance.tier-schedule", defaultValue = "0:10000,31536000:12500,94608000:15000")
    String tierSchedule;

    @Inject
    @ConfigProperty(name = "copartner.governance.max-referral-levels", defaultValue = "2")
    int maxReferralLevels;

    /**
     * Checks the seeds as the platform starts: a bad {@code COPARTNER_GOVERNANCE_*} value stops the start-up with its
     * reason (the application does not start, so readiness never comes), instead of surfacing as a 400 on the first
     * governance request of some partner.
     */
    void checkAtStart(@Observes PlatformStarted started) {
        check();
    }

    void check() {
        try {
            parameters();
            policy();
        } catch (RuntimeException bad) {
            throw new IllegalStateException("A governance seed (COPARTNER_GOVERNANCE_*) is invalid: "
                + bad.getMessage(), bad);
        }
    }

    /** The seed parameters, validated (a bad seed stops the start-up loudly rather than governing wrongly). */
    public GovernanceParameters parameters() {
        KindParameters k = new KindParameters(votingDelaySeconds, votingPeriodSeconds, quorumBps, thresholdBps,
            timelockSeconds, graceSeconds, lateQuorumSeconds, proposalThresholdSeconds,
            WeightStrategy.valueOf(strategy.trim()), contributionCap, contributionWindowSeconds);
        Map<String, KindParameters> kinds = new LinkedHashMap<>();
        for (ProposalKind kind : ProposalKind.values()) {
            kinds.put(kind.name(), k);
        }
        GovernanceParameters g = new GovernanceParameters(kinds, ParameterCodec.tiers(tierSchedule), maxReferralLevels);
        GovernanceRules.check(g);
        return g;
    }

    /**
     * The seed revenue policy, in force from the calendar's origin until the first executed REVENUE_POLICY: 30 % to
     * the partner pool, 5 % platform fee, 10 % and 5 % referral commission on two levels, 1 % purchase reward, 5 % of a
     * co-created product's revenue to its co-creators, revenue-share weights of spend plus referral commissions.
     */
    public RevenuePolicy policy() {
        return new RevenuePolicy(3000, 500, List.of(1000, 500), 100, 0L, 0L, List.<ExchangeRate>of(),
            GovernanceRules.DEFAULT_CO_CREATION_SHARE_BPS, GovernanceRules.DEFAULT_CONTRIBUTION_WEIGHTS);
    }
}
