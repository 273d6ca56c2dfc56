package io.copartner.commerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A refund gives the redeemed points back pro rata by largest remainder over the refunded and kept amounts: whole
 * points only, and the money parts (points × minor per point) sum back to the discount exactly.
 */
class PointsDiscountTest {

    @Test
    void aFullRefundGivesEveryPointBackAndACompletionNone() {
        PointsDiscount d = new PointsDiscount("m-1", 60, 1, 0);
        assertEquals(new PointsDiscount.Back(60, 60, 0), d.back(10000, 0));
        assertEquals(new PointsDiscount.Back(0, 0, 60), d.back(0, 10000));
    }

    @Test
    void aPartialRefundSplitsThePointsByLargestRemainder() {
        // 3 units of 10000, 1 refunded: 100 points -> 33.33 back, 66.67 kept -> 33 back, 67 kept.
        PointsDiscount d = new PointsDiscount("m-1", 100, 2, 0);
        PointsDiscount.Back b = d.back(10000, 20000);
        assertEquals(33, b.points());
        assertEquals(66, b.discountBack());
        assertEquals(134, b.discountKept());
        // 2 of 3 refunded: 66.67 back -> 67.
        assertEquals(67, d.back(20000, 10000).points());
    }

    @Test
    void noDiscountMovesNothing() {
        assertEquals(new PointsDiscount.Back(0, 0, 0), PointsDiscount.NONE.back(5, 5));
        assertEquals(0, PointsDiscount.NONE.discount());
    }

    @Test
    void impossibleDiscountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PointsDiscount("m", -1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PointsDiscount("m", 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PointsDiscount("m", 1, 1, 2));
    }

    @Test
    void thePartsAlwaysSumToTheDiscount() {
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < 10_000; i++) {
            long points = r.nextLong(1, 1_000_000);
            long perPoint = r.nextLong(1, 50);
            long refunded = r.nextLong(0, 10_000_000);
            long kept = r.nextLong(refunded == 0 ? 1 : 0, 10_000_000);
            PointsDiscount d = new PointsDiscount("m", points, perPoint, 0);
            PointsDiscount.Back b = d.back(refunded, kept);
            assertEquals(d.discount(), b.discountBack() + b.discountKept());
            assertEquals(b.points() * perPoint, b.discountBack());
            assertTrue(b.points() >= 0 && b.points() <= points);
            // Pro rata within one point of the exact share.
            double exact = (double) points * refunded / (refunded + kept);
            assertTrue(Math.abs(b.points() - exact) < 1.0000001, "points back " + b.points() + " vs " + exact);
        }
    }
}
