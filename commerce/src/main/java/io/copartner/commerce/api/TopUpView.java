package io.copartner.commerce.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A top-up: {@code PENDING} until the provider's signed webhook confirms it, then {@code COMPLETED} with the ledger
 * entry that credited the owner's WALLET account. Amounts in minor units.
 */
@jakarta.json.bind.annotation.JsonbNillable
public record TopUpView(UUID id, String owner, String currency, long amount, String provider, String status,
                        Instant createdAt, Instant completedAt, UUID walletAccountId, UUID ledgerEntryId,
                        long auditEntryId) {
}
