package io.copartner.kernel.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Divides a whole into parts by weight with the largest-remainder (Hamilton) method.
 *
 * <p>Why: rounding each share independently loses or invents minor units; here every part gets the floor
 * of its exact quota and the leftover units go one each to the largest remainders (ties to the lower
 * index), so the parts always sum to the whole and each part is within one unit of its exact quota.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * @param total   the amount to divide, {@code >= 0}
     * @param weights non-negative weights, at least one positive; a zero weight always gets zero
     * @return one part per weight, in order, summing to {@code total}
     */
    public static List<Long> largestRemainder(long total, List<Long> weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0 but was " + total);
        }
        Objects.requireNonNull(weights, "weights must not be null");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        BigInteger sum = BigInteger.ZERO;
        for (Long w : weights) {
            Objects.requireNonNull(w, "weights must not contain null");
            if (w < 0) {
                throw new IllegalArgumentException("weights must be >= 0 but got " + w);
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }

        int n = weights.size();
        long[] parts = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger bigTotal = BigInteger.valueOf(total);
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            // total * weight can exceed a long; the quotient cannot exceed total, so it fits back.
            BigInteger[] qr = bigTotal.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allocated += parts[i]; // sum of floors <= total, no overflow
        }

        // Fewer than n units are left over, because each floor loses strictly less than one unit.
        long leftover = total - allocated;
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Stable sort: equal remainders keep index order, so ties go to the lower index.
        order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
        for (int k = 0; k < leftover; k++) {
            parts[order.get(k)]++;
        }

        List<Long> result = new ArrayList<>(n);
        for (long p : parts) {
            result.add(p);
        }
        return Collections.unmodifiableList(result);
    }

    /** The same split for an amount of money; every part has the total's asset. */
    public static List<Money> largestRemainder(Money total, List<Long> weights) {
        Objects.requireNonNull(total, "total must not be null");
        List<Long> parts = largestRemainder(total.minor(), weights);
        List<Money> result = new ArrayList<>(parts.size());
        for (long p : parts) {
            result.add(new Money(total.asset(), p));
        }
        return Collections.unmodifiableList(result);
    }
}
