package io.copartner.commerce.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.UUID;

/**
 * A review as the public reads it: {@code text} null when moderated (then {@code hidden.reason} says why; the
 * {@code textHash} stays, so the audited original is still verifiable). {@code verifiedPurchase} is true by
 * construction: only the buyer of a delivered order line reviews.
 */
@JsonbNillable
public record ReviewView(UUID reviewId, int rating, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable String text, String textHash,
                         @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Hidden hidden, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable String reply, Instant createdAt,
                         @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) @JsonbNillable Long auditIndex, boolean verifiedPurchase) {

    /** Why an admin hid the text. */
    public record Hidden(String reason) {
    }
}
