package io.copartner.commerce.api;

/** The revenue policy version in force when the order was placed, and its rates (basis points), frozen on the order. */
public record FrozenRates(int policyVersion, int platformFeeBps, int partnerPoolBps) {
}
