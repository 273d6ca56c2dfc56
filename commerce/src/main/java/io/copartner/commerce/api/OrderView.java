package io.copartner.commerce.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order of one merchant's goods, with its lines, frozen rates, shipping, ledger entries and every step. */
@JsonbNillable
public record OrderView(UUID id, UUID checkoutId, String buyer, String merchantId, String merchantDid,
                        String currency, String status, long total, long refunded, FrozenRates rates,
                        List<OrderLineView> lines, @JsonbNillable String carrier,
                        @JsonbNillable String trackingNumber, Instant placedAt, Instant paidAt,
                        @JsonbNillable Instant shippedAt, @JsonbNillable Instant deliveredAt,
                        @JsonbNillable Instant settledAt, @JsonbNillable Instant autoConfirmAt,
                        @JsonbNillable Instant returnUntil, UUID paymentEntryId, @JsonbNillable UUID releaseEntryId,
                        @JsonbNillable UUID refundEntryId, List<OrderStepView> steps) {
}
