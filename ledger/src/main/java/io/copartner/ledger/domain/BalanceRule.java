package io.copartner.ledger.domain;

/**
 * The one rule on balances: an account that may not go negative never does. The repository's guarded UPDATE is
 * the same predicate in SQL ({@code not non_negative or balance + delta >= 0}), evaluated on the locked row.
 */
public final class BalanceRule {

    private BalanceRule() {
    }

    public static boolean permits(boolean nonNegative, long balance, long delta) {
        long after;
        try {
            after = Math.addExact(balance, delta);
        } catch (ArithmeticException e) {
            return false;
        }
        return !nonNegative || after >= 0;
    }
}
