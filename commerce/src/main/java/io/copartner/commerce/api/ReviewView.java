package io.copartner.commerce.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A review as the public reads it: {@code text} null when moderated (then {@code hidden.reason} says why; the
 * {@code textHash} stays, so the audited original is still verifiable). {@code verifiedPurchase} is true by
 * construction: only the buyer of a delivered order line reviews.
 */
@jakarta.json.bind.annotation.JsonbNillable
public record ReviewView(UUID reviewId, int rating, String text, String textHash, Hidden hidden, String reply,
                         Instant createdAt, Long auditIndex, boolean verifiedPurchase) {

    /** Why an admin hid the text. */
    public record Hidden(String reason) {
    }
}
