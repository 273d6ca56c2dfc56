package io.copartner.economy.api.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously inside the transaction that posts a referral commission on an order's release (level 1 = the
 * direct referrer), and again with a negative {@code amount} for a clawback. Settlement counts referrals as a
 * contribution from it.
 *
 * @param referrer the referrer's party id
 * @param amount   minor units of {@code asset}; negative for a clawback
 */
public record CommissionEarned(UUID orderId, String referrer, int level, String asset, long amount,
                               long auditEntryId, Instant at) {
}
