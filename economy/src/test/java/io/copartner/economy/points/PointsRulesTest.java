package io.copartner.economy.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.problem.ProblemException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The points arithmetic: rewards round down, spends are FIFO and exact, exchanges never overflow silently. */
class PointsRulesTest {

    @Test
    void purchaseRewardRoundsDown() {
        assertEquals(100, PointsRules.purchaseReward(10000, 100));
        assertEquals(1, PointsRules.purchaseReward(199, 100));
        assertEquals(0, PointsRules.purchaseReward(99, 100));
        assertEquals(0, PointsRules.purchaseReward(0, 100));
        assertEquals(0, PointsRules.purchaseReward(10000, 0));
    }

    @Test
    void spendTakesTheFirstToExpireFirst() {
        List<PointsRules.Take> t = PointsRules.takeFifo(List.of(30L, 50L, 70L), 60);
        assertEquals(List.of(new PointsRules.Take(0, 30, 0), new PointsRules.Take(1, 30, 20)), t);
        assertEquals(List.of(new PointsRules.Take(0, 30, 0)), PointsRules.takeFifo(List.of(30L, 50L), 30));
    }

    @Test
    void spendBeyondTheLotsIsInsufficientFunds() {
        ProblemException e = assertThrows(ProblemException.class, () -> PointsRules.takeFifo(List.of(30L, 5L), 36));
        assertEquals(409, e.problem().status());
    }

    @Property
    void aSpendTakesExactlyTheAmount(@ForAll @LongRange(min = 1, max = 1_000_000) long a,
                                     @ForAll @LongRange(min = 0, max = 1_000_000) long b,
                                     @ForAll @LongRange(min = 0, max = 1_000_000) long c,
                                     @ForAll @LongRange(min = 1, max = 3_000_000) long amount) {
        List<Long> lots = List.of(a, b, c);
        if (amount > a + b + c) {
            assertThrows(ProblemException.class, () -> PointsRules.takeFifo(lots, amount));
            return;
        }
        List<PointsRules.Take> takes = PointsRules.takeFifo(lots, amount);
        assertEquals(amount, takes.stream().mapToLong(PointsRules.Take::taken).sum());
        takes.forEach(t -> assertEquals(lots.get(t.index()) - t.taken(), t.remaining()));
    }

    @Property
    void exchangeIsTheFlooredProduct(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long amount,
                                     @ForAll @IntRange(min = 1, max = 100_000_000) int rate) {
        long receive = PointsRules.exchangeReceive(amount, rate);
        assertEquals(java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(rate))
            .divide(java.math.BigInteger.valueOf(10000)).longValueExact(), receive);
    }

    @Test
    void anOverflowingExchangeIsRefused() {
        assertThrows(ProblemException.class, () -> PointsRules.exchangeReceive(Long.MAX_VALUE / 2, 100_000_000L));
        assertThrows(ProblemException.class, () -> PointsRules.exchangeReceive(0, 8000));
    }

    @Test
    void tiersByLifetime() {
        var tiers = PointsRules.tiers("BRONZE:0,SILVER:1000,GOLD:10000");
        assertEquals("BRONZE", PointsRules.tier(tiers, 999));
        assertEquals("SILVER", PointsRules.tier(tiers, 1000));
        assertEquals("GOLD", PointsRules.tier(tiers, 50000));
        assertThrows(IllegalArgumentException.class, () -> PointsRules.tiers("SILVER:1000"));
    }
}
