package io.copartner.commerce.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The points side of a checkout discount, implemented by whoever keeps the points (the economy); commerce keeps the
 * money side. Commerce looks it up as an optional bean, so it runs without one (then a redemption is refused).
 * Both calls run inside the checkout's (or the refund's) transaction: whatever they post commits or rolls back with
 * the order.
 */
public interface CheckoutDiscounts {

    /**
     * Asks to use up to {@code points} of {@code brand} on one order of {@code linesTotal} (minor units of
     * {@code currency}) whose merchant keeps {@code merchantPart} at the frozen rates.
     */
    record Request(String buyer, UUID orderId, UUID checkoutId, String brand, String currency, long points,
                   long linesTotal, long merchantPart, Instant at) {
    }

    /**
     * What was taken: {@code points} (≤ asked) worth {@code discount} = points × {@code minorPerPoint}, and the
     * points' ledger entry and audit entry.
     */
    record Redemption(long points, long discount, long minorPerPoint, UUID ledgerEntryId, long auditEntryId) {
    }

    /**
     * Takes the points (first to expire first) and answers the discount; {@code insufficient-points} when the buyer
     * holds fewer than asked, {@code validation} when the order is too small for even one point.
     */
    Redemption redeem(Request request);

    /** Gives {@code points} of an order's redemption back to the buyer (a refund or a cancellation); once per order. */
    void restore(UUID orderId, long points, String why, Instant at);
}
