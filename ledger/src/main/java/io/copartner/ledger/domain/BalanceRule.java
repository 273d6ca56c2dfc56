package io.copartner.ledger.domain;

/**
 * The one rule on balances: an account that may not go negative never does, and no balance leaves the range of a
 * 64-bit integer (a move that would is refused, never wrapped). Stated as the range the balance must lie in before
 * the move, so it can be evaluated on the locked row by the repository's guarded UPDATE without computing
 * {@code balance + delta} first.
 */
public final class BalanceRule {

    private BalanceRule() {
    }

    public static Move move(Account account, long delta) {
        return move(account.id(), account.nonNegative(), delta);
    }

    static Move move(java.util.UUID accountId, boolean nonNegative, long delta) {
        long floor = nonNegative ? 0 : Long.MIN_VALUE;
        // delta < 0: balance + delta >= floor  <=>  balance >= floor - delta (no overflow: |delta| <= 2^53, floor <= 0)
        // delta > 0: balance + delta <= MAX    <=>  balance <= MAX - delta
        long lowest = delta < 0 ? floor - delta : floor;
        long highest = delta > 0 ? Long.MAX_VALUE - delta : Long.MAX_VALUE;
        return new Move(accountId, delta, nonNegative, lowest, highest);
    }
}
