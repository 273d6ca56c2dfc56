package io.copartner.economy.api;

import java.time.Instant;

/**
 * The settlement periods as other capabilities book into them: what happens at an instant belongs to the OPEN period
 * containing it, or to the next open one when that one is closing already, so nothing is lost to a close in flight.
 */
public interface SettlementPeriods {

    /** The id of the OPEN period for {@code at}, its row held FOR SHARE until the caller's transaction ends. */
    String openPeriodAt(Instant at);

    /**
     * Adds to a partner's co-creation contribution in an OPEN period (from {@link #openPeriodAt} in the same
     * transaction) and asset: weighed into the revenue share by the policy's {@code contributionWeights.coCreationBps}.
     */
    void addCoCreationWeight(String periodId, String asset, String partner, long coCreation);

    /** The id of the period starting at {@code start} ({@code yyyyMMdd'T'HHmmss'Z'}). */
    String periodId(Instant start);
}
