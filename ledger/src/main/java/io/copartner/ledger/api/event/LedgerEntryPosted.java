package io.copartner.ledger.api.event;

import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostingLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A journal entry was posted. Fired synchronously inside the posting transaction: an observer's failure rolls the
 * entry back. Not fired for an idempotent replay.
 */
public record LedgerEntryPosted(UUID entryId, EntryKind kind, UUID reverses, List<PostingLine> postings,
                                Instant postedAt, long auditEntryId) {
}
