package io.copartner.governance.api;

/**
 * How a member's base weight is computed at a proposal's snapshot; weight = floor(base × tierBps / 10000).
 */
public enum WeightStrategy {
    /** base 1 per eligible member. */
    ONE_MEMBER_ONE_VOTE,
    /** base = min(contribution, cap): the member's spend in minor units over a window before the snapshot. */
    CAPPED_CONTRIBUTION,
    /** base = floor(sqrt(contribution)), only for holders of a valid PartnerMembership credential; no delegation. */
    QUADRATIC
}
