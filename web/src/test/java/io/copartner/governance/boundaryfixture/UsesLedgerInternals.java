package io.copartner.governance.boundaryfixture;

import io.copartner.ledger.domain.Account;

/**
 * Test fixture, never in a jar: a "governance" class that reaches past ledger's api into its domain. ModuleBoundariesTest
 * feeds it to the rules to prove they catch it.
 */
public final class UsesLedgerInternals {

    private UsesLedgerInternals() {
    }

    public static Object wrong(Account account) {
        return account;
    }
}
