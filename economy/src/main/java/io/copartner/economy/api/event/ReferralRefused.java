package io.copartner.economy.api.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously inside the checkout transaction when a sale's attribution is refused because it would pay the
 * buyer for their own purchase ({@code self-referral}) or close a cycle in the referral graph ({@code cycle}): the
 * sale stays unattributed and the fraud capability flags the order as a possible referral ring.
 */
public record ReferralRefused(UUID orderId, String buyer, String linkOwner, String reason, Instant at) {
}
