package io.copartner.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A posted journal entry. {@code reverses} is set on a reversal, {@code reversedBy} on an entry that has been
 * reversed. {@code audit} is its audit receipt.
 */
public record EntryView(UUID id, EntryKind kind, String memo, Instant postedAt, UUID reverses, UUID reversedBy,
                        List<PostingView> postings, AuditRef audit) {
}
