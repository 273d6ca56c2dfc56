package io.copartner.economy.api;

import java.util.UUID;

/**
 * Fraud holds on orders (issue 12 item 5): a flagged order earns no commission and no points until an admin clears
 * it; then {@link io.copartner.economy.api.event.OrderHoldReleased} is fired and the withheld rewards are granted.
 */
public interface OrderHolds {

    /** Whether rewards of this order are withheld now (flagged and not cleared). */
    boolean withheld(UUID orderId);
}
