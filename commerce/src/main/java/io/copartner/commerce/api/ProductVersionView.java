package io.copartner.commerce.api;

import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a product. {@code changed} names the fields that differ from the previous version
 * ({@code created} for the first); {@code auditIndex} is the leaf index of its audit entry in the public audit log,
 * null only until the sequencer has placed it.
 */
@jakarta.json.bind.annotation.JsonbNillable
public record ProductVersionView(int version, String name, String description, String category,
                                 List<String> mediaUrls, long stock, List<Price> prices, List<String> changed,
                                 Instant createdAt, String createdBy, long auditEntryId, Long auditIndex) {
}
