package io.copartner.commerce.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A paid checkout: its orders (one per merchant) and the one ledger entry that moved the total into escrow. */
public record CheckoutView(UUID id, String buyer, String currency, long total, UUID walletAccountId,
                           UUID ledgerEntryId, Instant createdAt, List<OrderView> orders) {
}
