package io.copartner.ledger.api;

import java.time.Instant;
import java.util.UUID;

/** One line of an account statement: the entry's signed amount on this account and the balance after it. */
public record StatementLine(UUID entryId, EntryKind kind, Instant postedAt, long amount, long balanceAfter, String memo) {
}
