package io.copartner.ledger.api;

import java.util.List;

/**
 * The ledger's own check, per asset: the sum of all balances and of all postings (both zero in a sound ledger),
 * and the number of accounts whose balance differs from the sum of their postings (zero in a sound ledger).
 */
public record TrialBalance(List<AssetTotal> assets, long mismatchedAccounts, boolean balanced) {

    public record AssetTotal(String asset, long accounts, long balanceSum, long postingSum) {
    }
}
