package io.copartner.governance.api;

/**
 * How a partner's contributions in a settlement period weigh in the revenue share (issue 12 item 3), each a factor in
 * basis points: weight = max(0, spend × spendBps + referral commissions × referralsBps + co-creation × coCreationBps)
 * (co-creation: the partner's part of what their co-created products accrued). Each 0..10000, not all zero; the seed
 * (10000, 10000, 0) is spend plus referrals, as before co-creation counted.
 */
public record ContributionWeights(Integer spendBps, Integer referralsBps, Integer coCreationBps) {
}
