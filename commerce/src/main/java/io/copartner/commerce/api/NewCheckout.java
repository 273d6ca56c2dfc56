package io.copartner.commerce.api;

import java.util.List;

/**
 * A cart to check out and pay from the buyer's wallet in {@code currency}: one order per merchant.
 * {@code referralCode} (optional) is the share-link code the buyer came through; commerce only carries it to
 * {@link io.copartner.commerce.api.event.OrderPlaced}, where the economy attributes the sale.
 * {@code redeemPoints} (optional) uses the buyer's points of a brand as a discount on that brand's order
 * ({@link CheckoutDiscounts}).
 */
public record NewCheckout(String currency, List<CartLine> lines, String referralCode,
                          List<PointsToRedeem> redeemPoints) {
    // One constructor only: JSON-B (Yasson) refuses a record with several (the request becomes a 400).
}
