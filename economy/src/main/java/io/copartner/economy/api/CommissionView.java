package io.copartner.economy.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One commission: an order line at one level, frozen at placement ({@code policyVersion}, {@code rateBps},
 * {@code pending} = rate × line amount, rounded down), settled on release ({@code earned} + {@code clawedBack} =
 * {@code pending} exactly), {@code paid} out to the wallet later. Amounts in minor units of {@code asset}.
 * status: PENDING, WITHHELD (fraud hold), EARNED, VOID.
 */
public record CommissionView(UUID id, UUID orderId, int lineNo, int level, String asset, int policyVersion,
                             int rateBps, long lineAmount, long pending, long earned, long clawedBack, long paid,
                             String status, Instant placedAt, Instant settledAt) {
}
