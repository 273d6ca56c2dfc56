package io.copartner.commerce.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order of one merchant's goods, with its lines, frozen rates, shipping, ledger entries and every step.
 * {@code total} is the lines at their prices; {@code discount} is what {@code pointsRedeemed} points of the brand paid
 * of it (the buyer's wallet paid {@code total − discount}); {@code refunded} is the money given back to the wallet and
 * {@code pointsRestored} the points given back, pro rata on a refund.
 */
@JsonbNillable
public record OrderView(UUID id, UUID checkoutId, String buyer, String merchantId, String merchantDid,
                        String currency, String status, long total, long refunded, long pointsRedeemed, long discount,
                        long pointsRestored, FrozenRates rates,
                        List<OrderLineView> lines, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable String carrier,
                        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable String trackingNumber, Instant placedAt, Instant paidAt,
                        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Instant shippedAt, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Instant deliveredAt,
                        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Instant settledAt, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Instant autoConfirmAt,
                        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Instant returnUntil, UUID paymentEntryId, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable UUID releaseEntryId,
                        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable UUID refundEntryId, List<OrderStepView> steps) {
}
