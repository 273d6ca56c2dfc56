package io.copartner.commerce.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One immutable version: its content, which fields it changed, who wrote it when, and its audit entry. */
public record ProductVersion(UUID productId, int version, ProductContent content, List<String> changed,
                             Instant createdAt, String createdBy, long auditEntryId) {
}
