package io.copartner.commerce.domain;

/**
 * How released escrow divides: the platform fee and the partner-pool contribution at the order's frozen rates
 * (basis points, rounded down), the merchant gets the rest, so the three parts always sum to the amount released.
 */
public record EscrowSplit(long merchant, long platformFee, long partnerPool) {

    public static EscrowSplit of(long amount, int platformFeeBps, int partnerPoolBps) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        if (platformFeeBps < 0 || partnerPoolBps < 0 || platformFeeBps + partnerPoolBps > 10_000) {
            throw new IllegalArgumentException("rates must be 0..10000 bps together");
        }
        long fee = share(amount, platformFeeBps);
        long pool = share(amount, partnerPoolBps);
        return new EscrowSplit(amount - fee - pool, fee, pool);
    }

    /** floor(amount * bps / 10000) without overflow for any long amount. */
    static long share(long amount, int bps) {
        return java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(bps))
            .divide(java.math.BigInteger.valueOf(10_000)).longValueExact();
    }

    public long total() {
        return merchant + platformFee + partnerPool;
    }
}
