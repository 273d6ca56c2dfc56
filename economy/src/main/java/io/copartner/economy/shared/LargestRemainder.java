package io.copartner.economy.shared;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Exact division of an amount by weights (Hamilton's largest-remainder method): each share is floor(amount × w /
 * Σw), then the units left over go one each to the largest fractional remainders, ties to the lower index. The
 * shares always sum to the amount exactly; nothing is lost to rounding and nothing goes to anyone with weight 0.
 * Used for pool payouts, pro-rata clawbacks and per-line splits, so every one of them rounds the same way.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * Shares of {@code amount} (≥ 0) by {@code weights} (each ≥ 0). If every weight is 0 the result is all zeros and
     * the caller keeps the amount undistributed (it must say so; it is never silently dropped).
     */
    public static long[] allocate(long amount, long[] weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        long[] shares = new long[weights.length];
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0 || amount == 0) {
            return shares;
        }
        BigInteger total = BigInteger.valueOf(amount);
        // remainders[i] = (amount × w_i) mod Σw, compared exactly; fits a long only when Σw does.
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        long left = amount - given; // < number of positive weights
        if (left > 0) {
            Integer[] order = new Integer[weights.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int c = remainders[b].compareTo(remainders[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int k = 0; k < left; k++) {
                shares[order[k]]++;
            }
        }
        return shares;
    }
}
