package io.copartner.economy.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

    @Property(tries = 50)
    void anEmptyPeriodCarriesEverythingForward(@ForAll @LongRange(min = 0, max = 1_000_000L) long pool) {
        Allocation a = Allocation.of(pool, List.of());
        assertEquals(pool, a.undistributed());
        assertEquals(0, a.distributed());
    }
}
