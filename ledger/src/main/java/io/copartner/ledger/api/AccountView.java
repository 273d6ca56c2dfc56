package io.copartner.ledger.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An account with its balance in minor units of its asset, at {@code asOf} (now, or the requested time; a
 * balance as of a time is the sum of the postings up to and including it). {@code code} is set for the
 * platform's chart-of-accounts accounts only. {@code balanceDecimal} is the balance in major units.
 */
public record AccountView(UUID id, String owner, String asset, AccountKind kind, String name, String code,
                          boolean mayGoNegative, long balance, String balanceDecimal, Instant asOf, Instant createdAt) {
}
