package io.copartner.economy.settlement;

import io.copartner.kernel.money.Splits;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool of a period divided by weight, exact to the minor unit: the kernel's largest remainder, so the parts sum
 * to the pool. With no positive weight nothing is distributed: the whole pool is carried forward (never taken by
 * the platform).
 */
public record Allocation(long pool, List<Long> shares, long distributed, long undistributed) {

    public static Allocation of(long pool, List<Long> weights) {
        if (pool < 0) {
            throw new IllegalArgumentException("a pool is never negative");
        }
        boolean anyWeight = weights.stream().anyMatch(w -> w > 0);
        if (!anyWeight || pool == 0) {
            List<Long> zeros = new ArrayList<>(weights.size());
            weights.forEach(w -> zeros.add(0L));
            return new Allocation(pool, zeros, 0, pool);
        }
        List<Long> shares = Splits.largestRemainder(pool, weights);
        return new Allocation(pool, shares, pool, 0);
    }
}
