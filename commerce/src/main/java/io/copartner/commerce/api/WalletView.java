package io.copartner.commerce.api;

import java.util.UUID;

/** One of a party's wallets: its ledger WALLET account for a currency and the balance in minor units. */
public record WalletView(String currency, UUID accountId, long balance) {
}
