package io.copartner.commerce.api;

/**
 * Points of one brand (a merchant id) the buyer wants to use as a discount on that merchant's lines of the cart:
 * at most {@code points}; only as many are taken as the capped discount needs.
 */
public record PointsToRedeem(String brand, Long points) {
}
