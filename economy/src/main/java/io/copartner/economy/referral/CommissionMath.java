package io.copartner.economy.referral;

import io.copartner.kernel.money.Splits;
import java.math.BigInteger;
import java.util.List;

/**
 * The arithmetic of one commission, exact in minor units. At placement the line's commission is frozen as
 * rate × line amount rounded down (the remainder stays with the merchant: never invented). On release the kept and
 * the refunded quantities share it by largest remainder, so earned + clawed back = pending, to the unit.
 */
public final class CommissionMath {

    private CommissionMath() {
    }

    /** ⌊amount × bps / 10000⌋, without overflow. */
    public static long pending(long lineAmount, int rateBps) {
        if (lineAmount < 0 || rateBps < 0 || rateBps > 10_000) {
            throw new IllegalArgumentException("amount >= 0 and 0 <= bps <= 10000 required");
        }
        return BigInteger.valueOf(lineAmount).multiply(BigInteger.valueOf(rateBps))
            .divide(BigInteger.valueOf(10_000)).longValueExact();
    }

    /** The split of a pending commission on release: [earned, clawed back], pro rata of kept and refunded units. */
    public record Settled(long earned, long clawedBack) {
    }

    public static Settled settle(long pending, int quantity, int refundedQuantity) {
        if (quantity < 1 || refundedQuantity < 0 || refundedQuantity > quantity) {
            throw new IllegalArgumentException("0 <= refunded <= quantity, quantity >= 1");
        }
        List<Long> parts = Splits.largestRemainder(pending, List.of((long) (quantity - refundedQuantity),
            (long) refundedQuantity));
        return new Settled(parts.get(0), parts.get(1));
    }
}
