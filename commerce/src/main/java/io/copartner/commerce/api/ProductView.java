package io.copartner.commerce.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product as the public reads it: its current version's content. {@code status} is {@code LIVE} or
 * {@code AWAITING_APPROVAL} (until a {@code PRODUCT_LISTING} proposal naming its id is executed). {@code stock} is the
 * live count (what can be bought now), not the current version's stock (what the merchant last set).
 */
@jakarta.json.bind.annotation.JsonbNillable
public record ProductView(UUID id, String gtin, String merchantId, String merchantDid, String category, String status,
                          int version, String name, String description, List<String> mediaUrls, long stock,
                          List<Price> prices, Instant createdAt, Instant updatedAt, Instant listedAt,
                          UUID listingProposal) {
}
