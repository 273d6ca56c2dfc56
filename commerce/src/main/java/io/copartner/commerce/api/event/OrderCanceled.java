package io.copartner.commerce.api.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the transaction that cancels an order before shipping (full refund to the
 * buyer's wallet, nothing released). An observer that throws rolls the cancellation back.
 */
public record OrderCanceled(UUID orderId, String buyer, String merchantId, String asset, long total,
                            Instant canceledAt) {
}
