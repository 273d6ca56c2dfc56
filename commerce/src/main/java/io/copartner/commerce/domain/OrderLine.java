package io.copartner.commerce.domain;

import java.util.UUID;

/** A line as bought: the product version and unit price at checkout, the quantity, what was refunded. */
public record OrderLine(UUID orderId, int lineNo, UUID productId, int productVersion, String name, long unitPrice,
                        int quantity, int refundedQuantity) {

    public long amount() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}
