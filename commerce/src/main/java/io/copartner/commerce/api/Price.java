package io.copartner.commerce.api;

/** A price in minor units ({@code amount}) of an ISO 4217 {@code currency}; boxed so a missing amount is seen. */
public record Price(String currency, Long amount) {
}
