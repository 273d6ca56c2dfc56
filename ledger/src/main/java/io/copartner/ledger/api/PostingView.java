package io.copartner.ledger.api;

import java.util.UUID;

/** A posted line: the signed amount and the account's balance right after this entry. */
public record PostingView(UUID accountId, String asset, long amount, long balanceAfter) {
}
