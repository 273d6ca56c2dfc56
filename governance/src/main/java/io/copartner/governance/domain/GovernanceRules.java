package io.copartner.governance.domain;

import io.copartner.governance.api.CoCreator;
import io.copartner.governance.api.ContributionWeights;
import io.copartner.governance.api.ExchangeRate;
import io.copartner.governance.api.GovernanceParameters;
import io.copartner.governance.api.KindParameters;
import io.copartner.governance.api.ProposalKind;
import io.copartner.governance.api.RevenuePolicy;
import io.copartner.governance.api.TierStep;
import io.copartner.kernel.problem.ProblemException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hard bounds no proposal can move (a 400 {@code validation} problem names the first value out of bounds). They
 * keep the platform lawful and operable: at most 3 referral levels (the governed cap, default 2, can only be 1..3),
 * shares in basis points that never exceed the whole, periods long enough to vote and short enough to end.
 */
public final class GovernanceRules {

    public static final int BPS = 10_000;
    public static final int MAX_REFERRAL_LEVELS = 3;
    public static final int MAX_PLATFORM_FEE_BPS = 5_000;
    public static final int MAX_COMMISSION_BPS_PER_LEVEL = 2_000;
    public static final int MAX_COMMISSION_BPS_TOTAL = 3_000;
    public static final long MAX_POINTS_PER_ACTION = 1_000_000_000L;
    public static final long MAX_EXCHANGE_RATE_BPS = 100_000_000L;
    public static final int MAX_EXCHANGE_RATES = 100;
    public static final long DAY = 86_400L;
    public static final long MAX_DELAY_SECONDS = 30 * DAY;
    public static final long MAX_PERIOD_SECONDS = 90 * DAY;
    public static final long MAX_TIMELOCK_SECONDS = 30 * DAY;
    public static final long MAX_GRACE_SECONDS = 90 * DAY;
    public static final long MAX_PROPOSAL_THRESHOLD_SECONDS = 3650 * DAY;
    public static final long MAX_CONTRIBUTION_WINDOW_SECONDS = 3650 * DAY;
    public static final long MAX_CONTRIBUTION_CAP = 1_000_000_000_000_000L;
    public static final int MAX_TIER_STEPS = 10;
    public static final int MAX_TIER_BPS = 100_000;
    /** The seed's co-creation share: 5 % of a co-created product's completed-sale revenue. */
    public static final int DEFAULT_CO_CREATION_SHARE_BPS = 500;
    public static final int MAX_CO_CREATION_SHARE_BPS = 2_000;
    public static final int MAX_CO_CREATORS = 20;
    /** The seed's contribution weights: spend plus referral commissions, co-creation not counted (as before it could). */
    public static final ContributionWeights DEFAULT_CONTRIBUTION_WEIGHTS = new ContributionWeights(BPS, BPS, 0);
    private static final Pattern DID_KEY = Pattern.compile("did:key:z[1-9A-HJ-NP-Za-km-z]{20,200}");
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private GovernanceRules() {
    }

    /** Validates a revenue policy against the hard bounds and the governed referral level cap. */
    public static void check(RevenuePolicy p, int maxReferralLevels) {
        if (p == null) {
            throw ProblemException.badRequest("policy is required for a REVENUE_POLICY proposal");
        }
        int pool = bounded("policy.partnerPoolBps", p.partnerPoolBps(), 0, BPS);
        int fee = bounded("policy.platformFeeBps", p.platformFeeBps(), 0, MAX_PLATFORM_FEE_BPS);
        if (pool + fee > BPS) {
            throw ProblemException.badRequest("policy.partnerPoolBps + policy.platformFeeBps must be at most 10000");
        }
        List<Integer> levels = required("policy.commissionBps", p.commissionBps());
        if (levels.size() > maxReferralLevels) {
            throw ProblemException.badRequest("policy.commissionBps has " + levels.size()
                + " referral levels; the governed cap is " + maxReferralLevels + " (never more than "
                + MAX_REFERRAL_LEVELS + ")");
        }
        long total = 0;
        for (int i = 0; i < levels.size(); i++) {
            total += bounded("policy.commissionBps[" + i + "]", levels.get(i), 0, MAX_COMMISSION_BPS_PER_LEVEL);
        }
        if (total > MAX_COMMISSION_BPS_TOTAL) {
            throw ProblemException.badRequest("the referral commissions sum to " + total + " bps; at most "
                + MAX_COMMISSION_BPS_TOTAL);
        }
        int coCreation = bounded("policy.coCreationShareBps", p.coCreationShareBps(), 0, MAX_CO_CREATION_SHARE_BPS);
        // Commissions and the co-creation share come out of the merchant's part of a sale: they must fit in it.
        if (pool + fee + total + coCreation > BPS) {
            throw ProblemException.badRequest("policy.partnerPoolBps + policy.platformFeeBps + the referral "
                + "commissions + policy.coCreationShareBps must be at most 10000 (the merchant's part pays the last two)");
        }
        checkWeights(p.contributionWeights());
        bounded("policy.purchaseRewardBps", p.purchaseRewardBps(), 0, BPS);
        bounded("policy.reviewRewardPoints", p.reviewRewardPoints(), 0, MAX_POINTS_PER_ACTION);
        bounded("policy.shareRewardPoints", p.shareRewardPoints(), 0, MAX_POINTS_PER_ACTION);
        List<ExchangeRate> rates = required("policy.pointExchangeRates", p.pointExchangeRates());
        if (rates.size() > MAX_EXCHANGE_RATES) {
            throw ProblemException.badRequest("at most " + MAX_EXCHANGE_RATES + " point exchange rates");
        }
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            ExchangeRate r = rates.get(i);
            String at = "policy.pointExchangeRates[" + i + "]";
            if (r == null || r.from() == null || r.to() == null || !ASSET.matcher(r.from()).matches()
                || !ASSET.matcher(r.to()).matches()) {
                throw ProblemException.badRequest(at + ": from and to are point asset codes (letters, digits, . _ -)");
            }
            if (r.from().equals(r.to()) || !pairs.add(r.from() + ">" + r.to())) {
                throw ProblemException.badRequest(at + ": a pair of two different assets, each pair once");
            }
            bounded(at + ".rateBps", r.rateBps(), 1, MAX_EXCHANGE_RATE_BPS);
        }
    }

    /** Each factor 0..10000 and not all zero (all zero would give every partner weight 0: no one could be paid). */
    static void checkWeights(ContributionWeights w) {
        if (w == null) {
            throw ProblemException.badRequest("policy.contributionWeights is required");
        }
        int spend = bounded("policy.contributionWeights.spendBps", w.spendBps(), 0, BPS);
        int referrals = bounded("policy.contributionWeights.referralsBps", w.referralsBps(), 0, BPS);
        int coCreation = bounded("policy.contributionWeights.coCreationBps", w.coCreationBps(), 0, BPS);
        if (spend == 0 && referrals == 0 && coCreation == 0) {
            throw ProblemException.badRequest("policy.contributionWeights: at least one of spendBps, referralsBps, "
                + "coCreationBps must be above 0");
        }
    }

    /**
     * The shape of a listing's co-creators: at most {@link #MAX_CO_CREATORS}, each a did:key with a share of 1..10000
     * bps, each partner once, the shares summing to at most 10000. (Membership is the service's check.)
     */
    public static void checkCoCreators(List<CoCreator> coCreators) {
        if (coCreators == null || coCreators.isEmpty()) {
            return;
        }
        if (coCreators.size() > MAX_CO_CREATORS) {
            throw ProblemException.badRequest("at most " + MAX_CO_CREATORS + " coCreators");
        }
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (int i = 0; i < coCreators.size(); i++) {
            CoCreator c = coCreators.get(i);
            String at = "coCreators[" + i + "]";
            if (c == null || c.partner() == null || !DID_KEY.matcher(c.partner()).matches()) {
                throw ProblemException.badRequest(at + ".partner must be a member's did:key");
            }
            if (!seen.add(c.partner())) {
                throw ProblemException.badRequest(at + ".partner " + c.partner() + " is named twice");
            }
            sum += bounded(at + ".shareBps", c.shareBps(), 1, BPS);
        }
        if (sum > BPS) {
            throw ProblemException.badRequest("the coCreators' shares sum to " + sum + " bps; at most 10000");
        }
    }

    /** Validates a full parameter set: every kind present, each within bounds, a well-formed tier schedule. */
    public static void check(GovernanceParameters g) {
        if (g == null || g.kinds() == null) {
            throw ProblemException.badRequest("parameters with kinds for every proposal kind are required");
        }
        for (String name : g.kinds().keySet()) {
            try {
                ProposalKind.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("parameters.kinds." + name + " is not a proposal kind");
            }
        }
        for (ProposalKind kind : ProposalKind.values()) {
            check("parameters.kinds." + kind.name(), g.of(kind));
        }
        checkTiers(g.tierSchedule());
        bounded("parameters.maxReferralLevels", g.maxReferralLevels(), 1, MAX_REFERRAL_LEVELS);
    }

    static void check(String at, KindParameters k) {
        if (k == null) {
            throw ProblemException.badRequest(at + " is required");
        }
        bounded(at + ".votingDelaySeconds", k.votingDelaySeconds(), 0, MAX_DELAY_SECONDS);
        long period = bounded(at + ".votingPeriodSeconds", k.votingPeriodSeconds(), 1, MAX_PERIOD_SECONDS);
        bounded(at + ".quorumBps", k.quorumBps(), 0, BPS);
        // 10000 could never pass: for × 10000 > (for + against) × 10000 has no solution.
        bounded(at + ".thresholdBps", k.thresholdBps(), 0, BPS - 1);
        bounded(at + ".timelockSeconds", k.timelockSeconds(), 0, MAX_TIMELOCK_SECONDS);
        bounded(at + ".graceSeconds", k.graceSeconds(), 1, MAX_GRACE_SECONDS);
        bounded(at + ".lateQuorumSeconds", k.lateQuorumSeconds(), 0, period);
        bounded(at + ".proposalThresholdSeconds", k.proposalThresholdSeconds(), 0, MAX_PROPOSAL_THRESHOLD_SECONDS);
        if (k.strategy() == null) {
            throw ProblemException.badRequest(at + ".strategy is required");
        }
        bounded(at + ".contributionCap", k.contributionCap(), 1, MAX_CONTRIBUTION_CAP);
        bounded(at + ".contributionWindowSeconds", k.contributionWindowSeconds(), 1, MAX_CONTRIBUTION_WINDOW_SECONDS);
    }

    static void checkTiers(List<TierStep> steps) {
        required("parameters.tierSchedule", steps);
        if (steps.isEmpty() || steps.size() > MAX_TIER_STEPS) {
            throw ProblemException.badRequest("parameters.tierSchedule has 1.." + MAX_TIER_STEPS + " steps");
        }
        long previousAfter = -1;
        int previousBps = 0;
        for (int i = 0; i < steps.size(); i++) {
            TierStep t = steps.get(i);
            String at = "parameters.tierSchedule[" + i + "]";
            if (t == null) {
                throw ProblemException.badRequest(at + " is required");
            }
            long after = bounded(at + ".afterSeconds", t.afterSeconds(), 0, MAX_PROPOSAL_THRESHOLD_SECONDS * 10);
            int bps = bounded(at + ".bps", t.bps(), BPS, MAX_TIER_BPS);
            if (i == 0 && after != 0) {
                throw ProblemException.badRequest(at + ".afterSeconds must be 0: every member has a tier");
            }
            if (after <= previousAfter || bps < previousBps) {
                throw ProblemException.badRequest(at + ": steps ascend in afterSeconds and never lower bps");
            }
            previousAfter = after;
            previousBps = bps;
        }
    }

    /** The tier multiplier after {@code memberSeconds} of membership (steps validated: ascending, first at 0). */
    public static int tierBps(List<TierStep> steps, long memberSeconds) {
        int bps = BPS;
        for (TierStep t : steps) {
            if (memberSeconds >= t.afterSeconds()) {
                bps = t.bps();
            }
        }
        return bps;
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw ProblemException.badRequest(name + " is required");
        }
        return value;
    }

    private static int bounded(String name, Integer value, int min, int max) {
        return (int) bounded(name, value == null ? null : value.longValue(), min, max);
    }

    private static long bounded(String name, Long value, long min, long max) {
        required(name, value);
        if (value < min || value > max) {
            throw ProblemException.badRequest(name + " must be within " + min + ".." + max + " but was " + value);
        }
        return value;
    }
}
