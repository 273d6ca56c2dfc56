package io.copartner.economy.referral;

/**
 * A clawback after the commission was paid out to the wallet: what the payable account still holds is taken back
 * first; the rest becomes the referrer's debt, never taken from the wallet without consent. Later commissions repay
 * the debt before anything becomes payable again.
 */
public final class CommissionRecovery {

    private CommissionRecovery() {
    }

    /** A clawback of {@code amount}: {@code fromPayable} taken from the payable balance, {@code debt} the new debt. */
    public record Clawback(long fromPayable, long debt) {
    }

    public static Clawback clawback(long payableBalance, long debt, long amount) {
        if (payableBalance < 0 || debt < 0 || amount < 0) {
            throw new IllegalArgumentException("balances and amounts are >= 0");
        }
        long fromPayable = Math.min(payableBalance, amount);
        return new Clawback(fromPayable, Math.addExact(debt, amount - fromPayable));
    }

    /** A new commission of {@code earned}: {@code recovered} repays the debt, {@code payable} is what the referrer gets. */
    public record Earning(long recovered, long payable, long debtLeft) {
    }

    public static Earning earn(long debt, long earned) {
        if (debt < 0 || earned < 0) {
            throw new IllegalArgumentException("debt and earned are >= 0");
        }
        long recovered = Math.min(debt, earned);
        return new Earning(recovered, earned - recovered, debt - recovered);
    }
}
