package io.copartner.commerce.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A paid checkout: its orders (one per merchant) and the one ledger entry that moved {@code charged} from the wallet
 * into escrow: {@code total} (the lines at their prices) less {@code discount} (points redeemed, funded by the brands).
 */
public record CheckoutView(UUID id, String buyer, String currency, long total, long discount, long charged,
                           UUID walletAccountId,
                           UUID ledgerEntryId, Instant createdAt, List<OrderView> orders) {
}
