package io.copartner.ledger.api;

import java.util.List;
import java.util.UUID;

/**
 * A page of an account statement, oldest first. {@code nextCursor} is an opaque token for the next page, null on
 * the last page.
 */
public record StatementPage(UUID accountId, String asset, List<StatementLine> items, String nextCursor) {
}
