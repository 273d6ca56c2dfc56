package io.copartner.ledger.api;

import java.time.Instant;

/** Proof of recording: the audit entry's id, the hex leaf hash that will appear in the tree, and its time. */
public record AuditReceipt(long entryId, String leafHash, Instant time) {
}
