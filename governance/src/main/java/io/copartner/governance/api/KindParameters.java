package io.copartner.governance.api;

/**
 * The governance parameters of one proposal kind (boxed so a missing member of a request is a 400, not a zero).
 * {@code proposalThresholdSeconds}: how long a member must have been one before they may propose this kind.
 * {@code contributionCap} (minor units) and {@code contributionWindowSeconds} matter to the contribution strategies.
 */
public record KindParameters(Long votingDelaySeconds, Long votingPeriodSeconds, Integer quorumBps,
                             Integer thresholdBps, Long timelockSeconds, Long graceSeconds, Long lateQuorumSeconds,
                             Long proposalThresholdSeconds, WeightStrategy strategy, Long contributionCap,
                             Long contributionWindowSeconds) {
}
