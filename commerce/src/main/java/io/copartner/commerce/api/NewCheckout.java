package io.copartner.commerce.api;

import java.util.List;

/** A cart to check out and pay from the buyer's wallet in {@code currency}: one order per merchant. */
public record NewCheckout(String currency, List<CartLine> lines) {
}
