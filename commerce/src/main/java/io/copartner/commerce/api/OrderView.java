package io.copartner.commerce.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order of one merchant's goods, with its lines, frozen rates, shipping, ledger entries and every step. */
@jakarta.json.bind.annotation.JsonbNillable
public record OrderView(UUID id, UUID checkoutId, String buyer, String merchantId, String merchantDid,
                        String currency, String status, long total, long refunded, FrozenRates rates,
                        List<OrderLineView> lines, String carrier, String trackingNumber, Instant placedAt,
                        Instant paidAt, Instant shippedAt, Instant deliveredAt, Instant settledAt,
                        Instant autoConfirmAt, Instant returnUntil, UUID paymentEntryId, UUID releaseEntryId,
                        UUID refundEntryId, List<OrderStepView> steps) {
}
