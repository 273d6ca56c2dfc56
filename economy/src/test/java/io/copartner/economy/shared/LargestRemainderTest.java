package io.copartner.economy.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void leftoverUnitsGoToTheLargestRemaindersThenTheLowerIndex() {
        // 100 by 1:1:1 → 33.33 each: one unit left, the tie goes to index 0.
        assertArrayEquals(new long[] {34, 33, 33}, LargestRemainder.allocate(100, new long[] {1, 1, 1}));
        // 10 by 7:2:1 → 7, 2, 1 exactly.
        assertArrayEquals(new long[] {7, 2, 1}, LargestRemainder.allocate(10, new long[] {7, 2, 1}));
        // 5 by 3:3:4 → 1.5, 1.5, 2: two units left, to the two .5 remainders.
        assertArrayEquals(new long[] {2, 1, 2}, LargestRemainder.allocate(5, new long[] {3, 3, 4}));
    }

    @Test
    void zeroWeightsGetNothingAndAllZeroLeavesTheAmountToTheCaller() {
        assertArrayEquals(new long[] {0, 3, 0}, LargestRemainder.allocate(3, new long[] {0, 5, 0}));
        assertArrayEquals(new long[] {0, 0}, LargestRemainder.allocate(3, new long[] {0, 0}));
        assertArrayEquals(new long[0], LargestRemainder.allocate(3, new long[0]));
    }

    @Test
    void refusesNegativeInput() {
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.allocate(-1, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.allocate(1, new long[] {1, -1}));
    }

    @Test
    void hugeAmountsAndWeightsDoNotOverflow() {
        long[] s = LargestRemainder.allocate(Long.MAX_VALUE, new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 1});
        assertEquals(Long.MAX_VALUE, Math.addExact(Math.addExact(s[0], s[1]), s[2]));
    }

    @Property(tries = 500)
    void sharesSumExactlyAndStayWithinOneUnitOfTheExactQuota(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long amount,
            @ForAll @Size(min = 1, max = 40) long[] rawWeights) {
        long[] weights = Arrays.stream(rawWeights).map(w -> Math.abs(w % 1_000_000_000L)).toArray();
        long[] shares = LargestRemainder.allocate(amount, weights);
        long sumW = Arrays.stream(weights).sum();
        if (sumW == 0) {
            assertTrue(Arrays.stream(shares).allMatch(x -> x == 0));
            return;
        }
        assertEquals(amount, Arrays.stream(shares).sum());
        for (int i = 0; i < weights.length; i++) {
            double quota = (double) amount * weights[i] / sumW;
            assertTrue(shares[i] >= Math.floor(quota) - 1e-3 * Math.max(1, quota) && shares[i] <= Math.ceil(quota)
                + 1e-3 * Math.max(1, quota), "share " + i + " = " + shares[i] + " far from quota " + quota);
            if (weights[i] == 0) {
                assertEquals(0, shares[i]);
            }
        }
    }
}
