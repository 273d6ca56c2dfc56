package io.copartner.commerce.api;

/** The merchant ships: the carrier and its tracking number. */
public record Shipment(String carrier, String trackingNumber) {
}
