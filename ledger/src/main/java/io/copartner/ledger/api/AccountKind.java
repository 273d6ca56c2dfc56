package io.copartner.ledger.api;

/**
 * What an account is for. The kind fixes whether the account may ever hold a negative balance (balance = sum of
 * its signed postings; positive means the account holds value): only the platform's counterpart accounts for
 * value entering or leaving the ledger may go negative.
 */
public enum AccountKind {
    /** A party's spendable balance (money or points). Never negative. */
    WALLET(false),
    /** Value held for an order until it settles. Never negative. */
    ESCROW(false),
    /** What the platform owes a merchant from settled sales. Never negative. */
    MERCHANT_RECEIVABLE(false),
    /** The partners' governed revenue share before it is distributed. Never negative. */
    PARTNER_POOL(false),
    /** Commission owed to referrers. Never negative. */
    COMMISSION_PAYABLE(false),
    /** The platform's fee income. Never negative. */
    PLATFORM_FEE(false),
    /** Counterpart of points issued by a brand (points assets only): negative by the points in circulation. */
    POINTS_ISSUED(true),
    /** Counterpart of money entering (negative) or leaving (positive) the platform through a payment rail. */
    EXTERNAL_FUNDING(true);

    private final boolean mayGoNegative;

    AccountKind(boolean mayGoNegative) {
        this.mayGoNegative = mayGoNegative;
    }

    /** Whether a balance below zero is allowed; false for every account that holds a party's value. */
    public boolean mayGoNegative() {
        return mayGoNegative;
    }
}
