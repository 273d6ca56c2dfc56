package io.copartner.ledger.api;

import java.util.UUID;

/**
 * One line of a journal entry as requested: a signed amount in minor units of {@code asset} on one account.
 * Positive adds to the account's balance, negative takes from it; never zero. The asset must be the account's.
 */
public record PostingLine(UUID accountId, String asset, long amount) {
}
