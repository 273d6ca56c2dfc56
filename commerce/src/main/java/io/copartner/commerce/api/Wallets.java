package io.copartner.commerce.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Partners' wallets (one ledger WALLET account per currency) and top-ups through the configured payment provider.
 * A top-up is credited once, when the provider's webhook verifies: signature, timestamp within the replay window,
 * event id never seen before; anything else changes nothing.
 */
public interface Wallets {

    Idempotent<TopUpView> startTopUp(PartyId owner, NewTopUp request, IdempotencyKey key, String fingerprint);

    /** The owner's top-up; empty for an unknown id or another's. */
    Optional<TopUpView> topUp(PartyId owner, UUID id);

    /**
     * The sandbox provider's signed confirmation of the owner's pending top-up, signed now (dev/test only: empty when
     * the configured provider is not the sandbox, or the top-up is not the owner's).
     */
    Optional<SignedWebhook> sandboxConfirmation(PartyId owner, UUID topUpId);

    /** A provider's webhook: verified, then the top-up is credited in one transaction; problems otherwise. */
    TopUpView webhook(String provider, Map<String, String> headers, byte[] body);

    List<WalletView> wallets(PartyId owner);

    /**
     * The owner's WALLET account in {@code asset}, opened on first use (the economy pays revenue shares into it); in
     * the caller's transaction.
     */
    java.util.UUID walletAccount(PartyId owner, String asset);

    /**
     * {@link #walletAccount} for many owners at once: one read for those who have the wallet, opening it (as
     * {@code walletAccount} does) only for the others; in the caller's transaction. A period close pays 10^6 partners,
     * 99 per ledger entry.
     */
    Map<PartyId, java.util.UUID> walletAccounts(java.util.Collection<PartyId> owners, String asset);
}
