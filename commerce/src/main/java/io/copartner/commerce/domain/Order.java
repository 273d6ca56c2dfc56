package io.copartner.commerce.domain;

import java.time.Instant;
import java.util.UUID;

/** An order row: one merchant's goods of one checkout, in one currency, with the rates frozen when placed. */
public record Order(UUID id, long seq, UUID checkoutId, String buyer, String merchantId, String merchantDid,
                    String asset, long total, long refunded, OrderStatus status, int policyVersion,
                    int platformFeeBps, int partnerPoolBps, UUID escrowAccount, UUID walletAccount, String carrier,
                    String trackingNumber, Instant placedAt, Instant paidAt, Instant shippedAt, Instant deliveredAt,
                    Instant settledAt, Instant autoConfirmAt, Instant returnUntil, UUID paymentEntryId,
                    UUID releaseEntryId, UUID refundEntryId) {
}
