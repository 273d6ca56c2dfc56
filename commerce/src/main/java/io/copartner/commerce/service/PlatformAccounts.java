package io.copartner.commerce.service;

import io.copartner.commerce.persistence.OrderStore;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ledger accounts commerce keeps for the platform and merchants (escrow shards, partner pool, receivables),
 * opened on first use and remembered in memory once committed, so a checkout does not read its escrow account's id
 * every time.
 */
@ApplicationScoped
public class PlatformAccounts {

    @Inject
    OrderStore store;

    @Inject
    Ledger ledger;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * How many escrow accounts per currency checkouts spread over (env COPARTNER_COMMERCE_ESCROW_SHARDS, 1..64). One
     * account's balance row is locked by every checkout until it commits, which made it the hot row that capped
     * checkouts per second; each order remembers its escrow account, so release and refund need no lookup.
     */
    @Inject
    @ConfigProperty(name = "copartner.commerce.escrow-shards", defaultValue = "16")
    int escrowShards;

    private final Map<String, UUID> known = new ConcurrentHashMap<>();

    /** The escrow account of a checkout: shard 0 keeps the original key, so databases from before stay as they were. */
    UUID escrow(String currency, UUID checkoutId, Instant now) {
        if (escrowShards < 1 || escrowShards > 64) {
            throw new IllegalStateException("copartner.commerce.escrow-shards must be 1..64, not " + escrowShards);
        }
        int shard = Math.floorMod(checkoutId.hashCode(), escrowShards);
        return of(OrderService.PLATFORM, currency, AccountKind.ESCROW,
            shard == 0 ? AccountKind.ESCROW.name() : AccountKind.ESCROW.name() + "#" + shard, now);
    }

    /** An account of {@code owner} in {@code asset} of {@code kind}, opened on first use. */
    UUID of(String owner, String asset, AccountKind kind, Instant now) {
        return of(owner, asset, kind, kind.name(), now);
    }

    /** As above, kept under {@code key} (the kind, or the kind and a shard number). */
    private UUID of(String owner, String asset, AccountKind kind, String key, Instant now) {
        String name = owner + "\n" + asset + "\n" + key;
        UUID remembered = known.get(name);
        if (remembered != null) {
            return remembered;
        }
        Optional<UUID> stored = store.account(owner, asset, key);
        if (stored.isPresent()) {
            rememberOnCommit(name, stored.get());
            return stored.get();
        }
        store.lockAccount(owner, asset, key);
        return store.account(owner, asset, key).orElseGet(() -> {
            AccountView a = ledger.open(new OpenAccount(owner, asset, kind, key.toLowerCase(Locale.ROOT)
                .replace('_', ' ') + " " + asset));
            store.addAccount(owner, asset, key, a.id(), now);
            rememberOnCommit(name, a.id());
            return a.id();
        });
    }

    /**
     * An id is remembered only once the transaction that saw it commits: an account opened by a transaction that then
     * rolls back must not be remembered. Accounts are never closed, so a remembered id stays right.
     */
    private void rememberOnCommit(String name, UUID id) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            return; // no transaction to wait for: simply not remembered
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    known.putIfAbsent(name, id);
                }
            }
        });
    }
}
