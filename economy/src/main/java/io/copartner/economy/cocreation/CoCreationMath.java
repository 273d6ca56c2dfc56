package io.copartner.economy.cocreation;

import io.copartner.kernel.money.Splits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of co-creation, exact in minor units. A line's share is frozen at placement:
 * {@code pending = floor(amount × shareBps × creatorsBps / 10^8)} (the governed share, scaled by how much of it the
 * proposal assigned; the rounding remainder and any unassigned part stay with the merchant). At release it splits
 * into accrued and clawed-back parts by kept and refunded units (largest remainder: they sum to pending). At close a
 * product's accrual is split among its co-creators by their bps (largest remainder: the parts sum to it exactly, so
 * nothing is lost and nothing is left for the platform).
 */
final class CoCreationMath {

    static final long BPS = 10_000;

    private CoCreationMath() {
    }

    static long pending(long amount, int shareBps, int creatorsBps) {
        if (amount < 0 || shareBps < 0 || creatorsBps < 0 || creatorsBps > BPS) {
            throw new IllegalArgumentException("amount and bps are never negative; creators at most 10000 bps");
        }
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(shareBps)).multiply(BigInteger.valueOf(creatorsBps))
            .divide(BigInteger.valueOf(BPS * BPS)).longValueExact();
    }

    /** {@code [accrued, clawedBack]} of a line's pending share for kept and refunded units. */
    static long[] settle(long pending, int keptUnits, int refundedUnits) {
        if (pending == 0) {
            return new long[] {0, 0};
        }
        if (keptUnits + refundedUnits <= 0) {
            throw new IllegalArgumentException("a settled line has units");
        }
        List<Long> parts = Splits.largestRemainder(pending, List.of((long) keptUnits, (long) refundedUnits));
        return new long[] {parts.get(0), parts.get(1)};
    }

    /** A product's accrual divided among its co-creators by their bps, in the proposal's order. */
    static List<Long> split(long accrued, List<Integer> bps) {
        if (accrued == 0) {
            List<Long> zeros = new ArrayList<>();
            bps.forEach(b -> zeros.add(0L));
            return zeros;
        }
        return Splits.largestRemainder(accrued, bps.stream().map(Integer::longValue).toList());
    }
}
