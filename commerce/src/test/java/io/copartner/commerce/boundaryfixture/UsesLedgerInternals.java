package io.copartner.commerce.boundaryfixture;

import io.copartner.ledger.domain.Owners;

/** A deliberately wrong arrow (commerce → ledger's internals) that CommerceBoundariesTest must catch. */
public class UsesLedgerInternals {

    public boolean valid(String owner) {
        return Owners.isValid(owner);
    }
}
