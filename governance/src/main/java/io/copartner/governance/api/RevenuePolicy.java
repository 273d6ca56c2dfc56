package io.copartner.governance.api;

import java.util.List;

/**
 * The revenue policy: shares of revenue in basis points (partner pool, platform fee), the referral commission rate
 * per level ({@code commissionBps.get(0)} = level 1; at most the governed level cap, never more than 3), the purchase
 * reward (points per 10000 minor units spent, in bps), the points per review and per share (minor units), and the
 * exchange rates between brands' points, and the co-creation share: the part (bps) of a co-created product's
 * completed-sale revenue paid to its co-creators, taken from the merchant's part (a royalty for their contribution to
 * the product, never pay for recruiting); and the contribution weights of the revenue share. Null
 * {@code coCreationShareBps} or {@code contributionWeights} in a proposal keeps the value in force.
 */
public record RevenuePolicy(Integer partnerPoolBps, Integer platformFeeBps, List<Integer> commissionBps,
                            Integer purchaseRewardBps, Long reviewRewardPoints, Long shareRewardPoints,
                            List<ExchangeRate> pointExchangeRates, Integer coCreationShareBps,
                            ContributionWeights contributionWeights) {
}
