package io.copartner.governance.api;

import java.util.List;
import java.util.Map;

/**
 * Every governance parameter: one set per proposal kind (keyed by the kind's name), the tier schedule (ascending,
 * the first step at 0 seconds) and the cap on referral commission levels (default 2, never above 3).
 */
public record GovernanceParameters(Map<String, KindParameters> kinds, List<TierStep> tierSchedule,
                                   Integer maxReferralLevels) {

    public KindParameters of(ProposalKind kind) {
        return kinds.get(kind.name());
    }
}
