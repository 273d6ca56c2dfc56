package io.copartner.economy.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** A close with random contributions pays exactly the pool: nothing lost, nothing invented, never to the platform. */
class AllocationProperties {

    @Property(tries = 500)
    void payoutsSumExactlyToThePool(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long pool,
                                    @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 10_000_000_000L) Long> weights) {
        Allocation a = Allocation.of(pool, weights);
        long sum = a.shares().stream().mapToLong(Long::longValue).sum();
        assertEquals(a.distributed(), sum);
        assertEquals(pool, a.distributed() + a.undistributed());
        long total = weights.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            assertEquals(pool, a.undistributed(), "no weight: the whole pool is carried forward");
            return;
        }
        assertEquals(0, a.undistributed());
        for (int i = 0; i < weights.size(); i++) {
            // each share is within one unit of its exact quota pool * w / total
            BigInteger exactTimesTotal = BigInteger.valueOf(pool).multiply(BigInteger.valueOf(weights.get(i)));
            BigInteger shareTimesTotal = BigInteger.valueOf(a.shares().get(i)).multiply(BigInteger.valueOf(total));
            assertTrue(shareTimesTotal.subtract(exactTimesTotal).abs().compareTo(BigInteger.valueOf(total)) < 0);
            if (weights.get(i) == 0) {
                assertEquals(0L, a.shares().get(i));
            }
        }
    }

    /**
     * The chunked close (the cut computed once, then the parts chunk by chunk, each partner on its own) pays exactly
     * what the one-shot largest remainder pays, partner by partner, whatever the chunking. Small weights and pools
     * make many ties of remainders, where the order of keys decides.
     */
    @Property(tries = 1000)
    void chunkedEqualsOneShot(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long pool,
                              @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 10_000_000_000L) Long> weights,
                              @ForAll @IntRange(min = 1, max = 50) int chunk) {
        chunkedEqualsOneShotFor(pool, weights, chunk);
    }

    @Property(tries = 1000)
    void chunkedEqualsOneShotWithTies(@ForAll @LongRange(min = 0, max = 1_000) long pool,
                                      @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 7) Long> weights,
                                      @ForAll @IntRange(min = 1, max = 30) int chunk) {
        chunkedEqualsOneShotFor(pool, weights, chunk);
    }

    private static void chunkedEqualsOneShotFor(long pool, List<Long> weights, int chunk) {
        Allocation oneShot = Allocation.of(pool, weights);
        if (oneShot.distributed() == 0) {
            return; // nothing to cut: no weight or an empty pool, carried forward whole (the close makes no payouts)
        }
        RemainderCut cut = RemainderCut.of(pool, weights);
        long sum = 0;
        for (int from = 0; from < weights.size(); from += chunk) {
            for (int i = from; i < Math.min(weights.size(), from + chunk); i++) {
                long part = cut.share(weights.get(i), i);
                assertEquals(oneShot.shares().get(i), part, "partner " + i);
                sum += part;
            }
        }
        assertEquals(pool, sum);
    }

    @Property(tries = 50)
    void anEmptyPeriodCarriesEverythingForward(@ForAll @LongRange(min = 0, max = 1_000_000L) long pool) {
        Allocation a = Allocation.of(pool, List.of());
        assertEquals(pool, a.undistributed());
        assertEquals(0, a.distributed());
    }
}
