package io.copartner.commerce.api;

/** A wallet top-up request: {@code amount} minor units of an ISO 4217 {@code currency}. */
public record NewTopUp(String currency, Long amount) {
}
