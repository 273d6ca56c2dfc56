package io.copartner.ledger.api;

/**
 * Opening an account: the owner is a party id ({@code party:<subject>}, {@code party:platform}) or a DID;
 * the asset an ISO 4217 code or {@code PTS:<brand>}; the name an optional label (never personal data).
 */
public record OpenAccount(String owner, String asset, AccountKind kind, String name) {
}
