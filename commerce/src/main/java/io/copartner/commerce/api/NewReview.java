package io.copartner.commerce.api;

import java.util.UUID;

/** A review of one delivered order line: rating 1..5 and a text. */
public record NewReview(UUID orderId, Integer lineNo, Integer rating, String text) {
}
