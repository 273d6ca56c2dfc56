package io.copartner.ledger.api;

/** The entry a write produced; {@code replayed} when an earlier request with the same Idempotency-Key produced it. */
public record PostResult(EntryView entry, boolean replayed) {
}
