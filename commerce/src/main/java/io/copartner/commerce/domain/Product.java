package io.copartner.commerce.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A product's row: identity (GTIN, merchant, category fixed at creation), listing status, and the number of its
 * current version. Its content lives in the versions; {@code stock} is the live count orders take from and
 * cancellations give back (a version records the stock the merchant set, not what is left now).
 */
public record Product(UUID id, long seq, String merchantId, String merchantDid, Gtin gtin, String category,
                      ListingStatus status, boolean merchantSuspended, int currentVersion, Instant createdAt,
                      Instant listedAt, UUID listingProposal, long stock) {
}
