package io.copartner.ledger.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What parties spent from their wallets: per owner, the minor units that left its {@code WALLET} accounts of one asset
 * in ordinary entries posted in {@code [from, to)}, less what reversals of such entries put back (never below zero).
 */
public interface WalletSpending {

    /** Owners without spending are absent from the answer. */
    Map<String, Long> spentBy(Collection<String> owners, String asset, Instant from, Instant to);
}
