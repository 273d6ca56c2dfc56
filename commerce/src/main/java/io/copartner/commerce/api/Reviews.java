package io.copartner.commerce.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.util.UUID;

/**
 * Verified-purchase reviews: the buyer of a DELIVERED or COMPLETED order line reviews it once ({@code review-exists}
 * 409 for a second, {@code review-not-allowed} 403 without such a purchase); immutable, the text's SHA-256 in the
 * audit entry. The merchant replies once; an admin hides the text with a reason. Every write audited, idempotent.
 */
public interface Reviews {

    int MAX_TEXT = 2000;
    int MAX_PAGE = 100;

    Idempotent<ReviewView> review(PartyId buyer, NewReview review, IdempotencyKey key, String fingerprint);

    Idempotent<ReviewView> reply(PartyId merchantUser, UUID reviewId, String text, IdempotencyKey key,
                                 String fingerprint);

    Idempotent<ReviewView> hide(PartyId admin, UUID reviewId, String reason, IdempotencyKey key, String fingerprint);

    /** Public: a product's reviews (404 when the product is unknown or hidden). */
    ReviewPage reviews(UUID productId, String cursor, int limit);
}
