package io.copartner.governance.domain;

/** The integer arithmetic of weights (issue 9, item 5): weight = floor(base × tierBps / 10000), base by strategy. */
public final class WeightRules {

    public static final int BPS = 10_000;

    private WeightRules() {
    }

    /** floor(base × tierBps / 10000) without overflowing the intermediate product; base, tierBps ≥ 0. */
    public static long weight(long base, int tierBps) {
        if (base < 0 || tierBps < 0) {
            throw new IllegalArgumentException("base and tierBps must not be negative");
        }
        return Math.addExact(Math.multiplyExact(base / BPS, (long) tierBps), (base % BPS) * tierBps / BPS);
    }

    /** min(contribution, cap) for CAPPED_CONTRIBUTION. */
    public static long capped(long contribution, long cap) {
        return Math.max(0, Math.min(contribution, cap));
    }

    /** floor(sqrt(n)) exactly, for QUADRATIC. */
    public static long isqrt(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative");
        }
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) <= n && (r + 1) * (r + 1) > 0) {
            r++;
        }
        return r;
    }

    /** The pinned quorum rule: (for + abstain) × 10000 ≥ totalEligibleWeight × quorumBps, exact. */
    public static boolean quorumReached(long forWeight, long abstainWeight, long totalEligible, int quorumBps) {
        return java.math.BigInteger.valueOf(forWeight).add(java.math.BigInteger.valueOf(abstainWeight))
            .multiply(java.math.BigInteger.valueOf(BPS))
            .compareTo(java.math.BigInteger.valueOf(totalEligible).multiply(java.math.BigInteger.valueOf(quorumBps))) >= 0;
    }

    /** The pinned success rule: quorum reached and for × 10000 > (for + against) × thresholdBps, exact. */
    public static boolean succeeded(boolean quorumReached, long forWeight, long againstWeight, int thresholdBps) {
        return quorumReached && java.math.BigInteger.valueOf(forWeight).multiply(java.math.BigInteger.valueOf(BPS))
            .compareTo(java.math.BigInteger.valueOf(forWeight).add(java.math.BigInteger.valueOf(againstWeight))
                .multiply(java.math.BigInteger.valueOf(thresholdBps))) > 0;
    }
}
