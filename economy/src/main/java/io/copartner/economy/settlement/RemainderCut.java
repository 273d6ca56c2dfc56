package io.copartner.economy.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The largest remainder ({@link io.copartner.kernel.money.Splits}) in a form that can be applied one partner at a
 * time, so a close of 10^6 partners is allocated in chunks without holding them: each part is
 * {@code floor(pool * w / W)}, plus one unit when its remainder {@code (pool * w) mod W} ranks among the
 * {@code leftover = pool - Σ floor} largest (ties to the lower key). That rank test needs only the last winner, the
 * cut: a part wins iff (remainder, key) comes before or is the cut in the order remainder descending, key ascending.
 * {@link SettlementStore} computes the cut and the parts in SQL the same way (the key is the partner in the
 * database's order); this class is the arithmetic's specification, proved equal to the one-shot split by
 * AllocationProperties.
 *
 * @param cutRemainder the remainder of the last partner that gets a leftover unit; null when nothing is left over
 * @param cutKey its key (index here)
 */
public record RemainderCut(long pool, BigInteger totalWeight, long leftover, BigInteger cutRemainder, int cutKey) {

    /** The cut of a pool over weights whose keys are their indexes (at least one weight positive). */
    public static RemainderCut of(long pool, List<Long> weights) {
        BigInteger total = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() <= 0 || pool < 0) {
            throw new IllegalArgumentException("a cut needs a positive total weight and a pool >= 0");
        }
        BigInteger p = BigInteger.valueOf(pool);
        long floors = 0;
        List<int[]> order = new ArrayList<>();
        List<BigInteger> remainders = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            BigInteger[] qr = p.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(total);
            floors += qr[0].longValueExact();
            remainders.add(qr[1]);
            if (weights.get(i) > 0) {
                order.add(new int[] {i});
            }
        }
        long leftover = pool - floors;
        if (leftover == 0) {
            return new RemainderCut(pool, total, 0, null, -1);
        }
        order.sort(Comparator.<int[], BigInteger>comparing(k -> remainders.get(k[0])).reversed()
            .thenComparingInt(k -> k[0]));
        int cut = order.get((int) leftover - 1)[0];
        return new RemainderCut(pool, total, leftover, remainders.get(cut), cut);
    }

    /** The part of the partner with this weight and key. */
    public long share(long weight, int key) {
        BigInteger[] qr = BigInteger.valueOf(pool).multiply(BigInteger.valueOf(weight)).divideAndRemainder(totalWeight);
        long part = qr[0].longValueExact();
        if (weight > 0 && cutRemainder != null) {
            int c = qr[1].compareTo(cutRemainder);
            if (c > 0 || (c == 0 && key <= cutKey)) {
                part++;
            }
        }
        return part;
    }
}
