package io.copartner.commerce.api;

import java.util.UUID;

/** A line as bought: the product version, its name and unit price then, the quantity and what was refunded. */
public record OrderLineView(int lineNo, UUID productId, int productVersion, String name, long unitPrice, int quantity,
                            int refundedQuantity, long amount) {
}
