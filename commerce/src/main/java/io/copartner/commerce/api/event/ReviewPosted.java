package io.copartner.commerce.api.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the transaction that stores a verified-purchase review (the economy awards review
 * points and counts review velocity). An observer that throws a {@code ProblemException} refuses the review with it.
 *
 * @param author the reviewer's party id
 */
public record ReviewPosted(UUID reviewId, UUID orderId, int lineNo, UUID productId, String merchantId,
                           String merchantDid, String author, int rating, Instant postedAt) {
}
