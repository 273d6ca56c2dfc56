package io.copartner.economy.cocreation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoCreationMathTest {

    @Test
    void theShareIsFrozenAsTheGovernedPartOfTheAssignedShares() {
        assertEquals(340, CoCreationMath.pending(6800, 500, 10_000), "5 % of 68.00");
        assertEquals(238, CoCreationMath.pending(6800, 500, 7_000), "an unassigned 30 % is not taken from the merchant");
        assertEquals(0, CoCreationMath.pending(19, 500, 10_000), "floor: the remainder stays with the merchant");
        assertEquals(0, CoCreationMath.pending(6800, 0, 10_000));
        assertEquals(Long.MAX_VALUE / 5, CoCreationMath.pending(Long.MAX_VALUE / 5 * 5, 2000, 10_000),
            "no overflow for large amounts");
        assertThrows(IllegalArgumentException.class, () -> CoCreationMath.pending(-1, 500, 10_000));
        assertThrows(IllegalArgumentException.class, () -> CoCreationMath.pending(1, 500, 10_001));
    }

    @Test
    void aRefundClawsBackProRataAndNothingIsLost() {
        assertEquals(List.of(340L, 0L), List.of(CoCreationMath.settle(340, 2, 0)[0], CoCreationMath.settle(340, 2, 0)[1]));
        long[] third = CoCreationMath.settle(100, 2, 1);
        assertEquals(67, third[0]);
        assertEquals(33, third[1]);
        long[] all = CoCreationMath.settle(340, 0, 2);
        assertEquals(0, all[0]);
        assertEquals(340, all[1]);
        Random random = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            long pending = random.nextInt(1_000_000);
            int q = 1 + random.nextInt(1000);
            int refunded = random.nextInt(q + 1);
            long[] p = CoCreationMath.settle(pending, q - refunded, refunded);
            assertEquals(pending, p[0] + p[1]);
            assertTrue(Math.abs(p[1] * q - pending * refunded) < q, "within one unit of pro rata");
        }
    }

    @Test
    void sevenToThree() {
        assertEquals(List.of(71L, 30L), CoCreationMath.split(101, List.of(7000, 3000)));
        assertEquals(List.of(0L, 0L), CoCreationMath.split(0, List.of(7000, 3000)));
        assertEquals(List.of(1L, 0L), CoCreationMath.split(1, List.of(5000, 5000)), "a tie goes to the first named");
        assertEquals(List.of(5L), CoCreationMath.split(5, List.of(1)), "one co-creator gets all of it");
    }

    /**
     * Property: for random accruals and random share lists (1..20 co-creators, each ≥ 1 bps, at most 10000 in all),
     * the parts sum to the accrual exactly, each is the floor of its exact quota or one more, and the extra units go
     * to the largest remainders (ties to the co-creator named first).
     */
    @Test
    void theSplitSumsExactlyByLargestRemainder() {
        Random random = new Random(4);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(20);
            List<Integer> bps = new ArrayList<>();
            int left = 10_000;
            for (int i = 0; i < n; i++) {
                int b = 1 + random.nextInt(Math.max(1, left - (n - i - 1)) );
                b = Math.min(b, left - (n - i - 1));
                bps.add(b);
                left -= b;
            }
            long accrued = random.nextBoolean() ? random.nextInt(1000) : Math.abs(random.nextLong() % 1_000_000_000_000L);
            List<Long> parts = CoCreationMath.split(accrued, bps);
            long sum = parts.stream().mapToLong(Long::longValue).sum();
            assertEquals(accrued, sum, "exact to the minor unit: " + bps + " of " + accrued);
            long totalBps = bps.stream().mapToLong(Integer::longValue).sum();
            List<Integer> order = new ArrayList<>();
            BigInteger[] remainders = new BigInteger[n];
            long floors = 0;
            for (int i = 0; i < n; i++) {
                BigInteger[] qr = BigInteger.valueOf(accrued).multiply(BigInteger.valueOf(bps.get(i)))
                    .divideAndRemainder(BigInteger.valueOf(totalBps));
                long floor = qr[0].longValueExact();
                assertTrue(parts.get(i) == floor || parts.get(i) == floor + 1, "floor or one more");
                floors += floor;
                remainders[i] = qr[1];
                order.add(i);
            }
            order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
            long extra = accrued - floors;
            for (int k = 0; k < n; k++) {
                int i = order.get(k);
                BigInteger floor = BigInteger.valueOf(accrued).multiply(BigInteger.valueOf(bps.get(i)))
                    .divide(BigInteger.valueOf(totalBps));
                assertEquals(floor.longValueExact() + (k < extra ? 1 : 0), parts.get(i), "largest remainders first");
            }
        }
    }
}
