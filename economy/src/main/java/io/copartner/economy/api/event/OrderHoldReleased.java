package io.copartner.economy.api.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously inside the transaction in which an admin clears a flagged order: observers grant what they
 * withheld (commissions, points). {@code confirmed} true means the admin confirmed fraud instead: nothing is granted.
 */
public record OrderHoldReleased(UUID orderId, boolean confirmed, String admin, Instant at) {
}
