package io.copartner.economy.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aRedemptionIsCappedByTheShareAndTheMerchantsPartAndTakesWholePointsOnly() {
        // 50 % of 10000 is 5000, the merchant keeps 8500: 300 points asked are all used at 1 per point.
        assertEquals(300, PointsRules.redeemable(300, 10000, 8500, 5000, 1));
        // The share caps: 9000 asked, 5000 usable.
        assertEquals(5000, PointsRules.redeemable(9000, 10000, 8500, 5000, 1));
        // The merchant's part caps below the share.
        assertEquals(4000, PointsRules.redeemable(9000, 10000, 4000, 5000, 1));
        // At 3 minor units per point only whole points' worth: floor(5000 / 3).
        assertEquals(1666, PointsRules.redeemable(9000, 10000, 8500, 5000, 3));
        // Nothing when the cap is below one point or the merchant keeps nothing.
        assertEquals(0, PointsRules.redeemable(10, 1, 1, 5000, 1));
        assertEquals(0, PointsRules.redeemable(10, 10000, -5, 5000, 1));
    }

    @Property
    void aRedemptionNeverExceedsItsCaps(@ForAll @LongRange(min = 1, max = 10_000_000) long asked,
                                        @ForAll @LongRange(min = 1, max = 10_000_000) long lines,
                                        @ForAll @IntRange(min = 0, max = 10000) int share,
                                        @ForAll @LongRange(min = 1, max = 100) long perPoint) {
        long merchant = lines * 8 / 10;
        long p = PointsRules.redeemable(asked, lines, merchant, share, perPoint);
        assertTrue(p >= 0 && p <= asked);
        assertTrue(p * perPoint <= lines * share / 10000 && p * perPoint <= merchant);
        assertTrue(p == asked || (p + 1) * perPoint > Math.min(lines * share / 10000, merchant),
            "takes as many points as the cap allows");
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
