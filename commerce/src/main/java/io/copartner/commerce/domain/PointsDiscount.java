package io.copartner.commerce.domain;

import io.copartner.kernel.money.Splits;
import java.util.List;

/**
 * An order's points discount: {@code points} of {@code brand} at {@code minorPerPoint}, so the money discount is
 * exactly points × minorPerPoint. On a refund the points (not the money) are split between refunded and kept amounts
 * by largest remainder, so the money parts are whole points' worth and always sum back to the discount.
 */
public record PointsDiscount(String brand, long points, long minorPerPoint, long pointsRestored) {

    public static final PointsDiscount NONE = new PointsDiscount(null, 0, 1, 0);

    public PointsDiscount {
        if (points < 0 || minorPerPoint <= 0 || pointsRestored < 0 || pointsRestored > points) {
            throw new IllegalArgumentException("a discount needs points >= 0, minorPerPoint > 0, restored <= points");
        }
    }

    public long discount() {
        return Math.multiplyExact(points, minorPerPoint);
    }

    public long discountRefunded() {
        return Math.multiplyExact(pointsRestored, minorPerPoint);
    }

    /** The points given back and the money discount of each part of a refund. */
    public record Back(long points, long discountBack, long discountKept) {
    }

    /** A refund of units worth {@code refunded} of an order whose other units, worth {@code kept}, stay sold. */
    public Back back(long refunded, long kept) {
        if (points == 0) {
            return new Back(0, 0, 0);
        }
        if (refunded + kept <= 0) {
            throw new IllegalArgumentException("an order's amount is positive");
        }
        long pointsBack = Splits.largestRemainder(points, List.of(refunded, kept)).get(0);
        long discountBack = Math.multiplyExact(pointsBack, minorPerPoint);
        return new Back(pointsBack, discountBack, discount() - discountBack);
    }
}
