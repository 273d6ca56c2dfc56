package io.copartner.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void fixedExamples() {
        assertEquals(List.of(34L, 33L, 33L), Splits.largestRemainder(100, List.of(1L, 1L, 1L)));
        assertEquals(List.of(50L, 50L), Splits.largestRemainder(100, List.of(1L, 1L)));
        assertEquals(List.of(0L, 100L, 0L), Splits.largestRemainder(100, List.of(0L, 5L, 0L)));
        // quotas 14.2857.., 28.5714.., 57.1428..: floors 14,28,57 = 99, largest remainder (0.5714) wins.
        assertEquals(List.of(14L, 29L, 57L), Splits.largestRemainder(100, List.of(1L, 2L, 4L)));
        assertEquals(List.of(1L, 1L, 0L), Splits.largestRemainder(2, List.of(1L, 1L, 1L)));
        assertEquals(List.of(0L, 0L), Splits.largestRemainder(0, List.of(3L, 4L)));
        // remainders 0.6, 0.4 -> the larger remainder wins even at a higher index
        assertEquals(List.of(0L, 1L), Splits.largestRemainder(1, List.of(2L, 3L)));
    }

    @Test
    void hugeValuesDoNotOverflow() {
        long max = Long.MAX_VALUE;
        List<Long> parts = Splits.largestRemainder(max, List.of(max, max, 1L));
        assertEquals(BigInteger.valueOf(max), sum(parts));
        assertTrue(parts.get(0) >= parts.get(1));
        assertTrue(parts.get(2) <= 1);
    }

    @Test
    void moneyOverloadKeepsTheAsset() {
        List<Money> parts = Splits.largestRemainder(Money.of("CNY", 1000), List.of(1L, 1L, 1L));
        assertEquals(List.of(Money.of("CNY", 334), Money.of("CNY", 333), Money.of("CNY", 333)), parts);
    }

    @Test
    void invalidInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Splits.largestRemainder(-1, List.of(1L)));
        assertThrows(IllegalArgumentException.class, () -> Splits.largestRemainder(10, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Splits.largestRemainder(10, List.of(0L, 0L)));
        assertThrows(IllegalArgumentException.class, () -> Splits.largestRemainder(10, List.of(1L, -1L)));
        assertThrows(IllegalArgumentException.class, () -> Splits.largestRemainder(Money.of("CNY", -1), List.of(1L)));
    }

    @Property(tries = 2000)
    void partsSumToTotalAndStayWithinOneOfTheirQuota(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long total,
            @ForAll("weights") List<Long> weights) {
        List<Long> parts = Splits.largestRemainder(total, weights);

        assertEquals(weights.size(), parts.size());
        assertEquals(BigInteger.valueOf(total), sum(parts));
        BigInteger weightSum = sum(weights);
        for (int i = 0; i < parts.size(); i++) {
            long part = parts.get(i);
            assertTrue(part >= 0);
            if (weights.get(i) == 0) {
                assertEquals(0L, part);
            }
            // |part - total*w/W| < 1  <=>  |part*W - total*w| < W
            BigInteger diff = BigInteger.valueOf(part).multiply(weightSum)
                    .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(i))));
            assertTrue(diff.abs().compareTo(weightSum) < 0, "part " + i + " too far from its quota");
        }
    }

    @Provide
    Arbitrary<List<Long>> weights() {
        Arbitrary<Long> weight = Arbitraries.oneOf(
                Arbitraries.just(0L),
                Arbitraries.longs().between(0, 10),
                Arbitraries.longs().between(0, Long.MAX_VALUE));
        return weight.list().ofMinSize(1).ofMaxSize(20).filter(ws -> ws.stream().anyMatch(w -> w > 0));
    }

    private static BigInteger sum(List<Long> values) {
        List<BigInteger> big = new ArrayList<>();
        values.forEach(v -> big.add(BigInteger.valueOf(v)));
        return big.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
}
