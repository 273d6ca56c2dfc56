package io.copartner.governance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WeightRulesTest {

    @Test
    void weightIsTheFloorOfBaseTimesTier() {
        assertEquals(1, WeightRules.weight(1, 10_000));
        assertEquals(1, WeightRules.weight(1, 12_500)); // floor(1.25)
        assertEquals(1, WeightRules.weight(1, 15_000)); // floor(1.5)
        assertEquals(3, WeightRules.weight(2, 15_000));
        assertEquals(12_498, WeightRules.weight(9_999, 12_500)); // floor(12498.75)
        assertEquals(0, WeightRules.weight(0, 15_000));
    }

    @Test
    void weightDoesNotOverflowWhereTheResultFits() {
        long base = Long.MAX_VALUE / 2;
        long expected = BigInteger.valueOf(base).multiply(BigInteger.valueOf(15_000)).divide(BigInteger.valueOf(10_000))
            .longValueExact();
        assertEquals(expected, WeightRules.weight(base, 15_000));
    }

    @Test
    void integerSquareRootIsExact() {
        assertEquals(0, WeightRules.isqrt(0));
        assertEquals(1, WeightRules.isqrt(3));
        assertEquals(2, WeightRules.isqrt(4));
        assertEquals(99_999, WeightRules.isqrt(9_999_999_999L));
        assertEquals(100_000, WeightRules.isqrt(10_000_000_000L));
        assertEquals(3_037_000_499L, WeightRules.isqrt(Long.MAX_VALUE));
    }

    @Test
    void cappedContribution() {
        assertEquals(500, WeightRules.capped(500, 1000));
        assertEquals(1000, WeightRules.capped(5000, 1000));
    }

    @Test
    void quorumExactlyMetAndOneShort() {
        // 10 % of 100: for + abstain = 10 reaches, 9 does not
        assertTrue(WeightRules.quorumReached(6, 4, 100, 1000));
        assertFalse(WeightRules.quorumReached(5, 4, 100, 1000));
        // against does not count toward quorum
        assertFalse(WeightRules.quorumReached(0, 0, 100, 1));
    }

    @Test
    void thresholdMustBeStrictlyExceeded() {
        assertFalse(WeightRules.succeeded(true, 5, 5, 5000)); // tie
        assertTrue(WeightRules.succeeded(true, 6, 5, 5000));
        assertFalse(WeightRules.succeeded(true, 6, 4, 6000)); // exactly 60 %: not more than
        assertTrue(WeightRules.succeeded(true, 7, 4, 6000));
        assertFalse(WeightRules.succeeded(false, 7, 0, 5000));
    }
}
