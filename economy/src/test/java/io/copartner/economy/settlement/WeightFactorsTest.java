package io.copartner.economy.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.governance.api.ContributionWeights;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightFactorsTest {

    @Test
    void theDefaultIsSpendPlusReferralsInTheSameUnits() {
        WeightFactors d = WeightFactors.of(new ContributionWeights(10_000, 10_000, 0));
        assertEquals(WeightFactors.DEFAULT, d);
        assertEquals(10_000, d.divisor());
        assertEquals(BigInteger.valueOf(1234 + 56), d.weight(1234, 56, 999));
        assertEquals(BigInteger.ZERO, d.weight(10, -11, 0), "never below 0 (a clawback can exceed the spend)");
        assertEquals("(spend::numeric * 1 + referrals::numeric * 1 + co_creation::numeric * 0)", d.sql());
        assertEquals(WeightFactors.DEFAULT, WeightFactors.of(null), "a policy stored before: the default");
    }

    @Test
    void weightsAreTheBpsSumDividedExactlyByTheFactorsGcd() {
        WeightFactors f = new WeightFactors(10_000, 5_000, 2_500);
        assertEquals(2_500, f.divisor());
        assertEquals(BigInteger.valueOf(4 * 100 + 2 * 10 + 7), f.weight(100, 10, 7));
        Random r = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            int s = r.nextInt(10_001);
            int ref = r.nextInt(10_001);
            int c = r.nextInt(10_001);
            if (s + ref + c == 0) {
                continue;
            }
            WeightFactors w = new WeightFactors(s, ref, c);
            long spend = r.nextInt(1_000_000);
            long referrals = r.nextInt(2_000_000) - 1_000_000;
            long co = r.nextInt(1_000_000);
            BigInteger scaled = BigInteger.valueOf(spend * s + referrals * ref + co * c);
            BigInteger[] qr = scaled.divideAndRemainder(BigInteger.valueOf(w.divisor()));
            assertEquals(BigInteger.ZERO, qr[1], "exact");
            assertEquals(qr[0].max(BigInteger.ZERO), w.weight(spend, referrals, co), w.toString());
        }
    }

    @Test
    void allZeroOrNegativeFactorsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WeightFactors(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new WeightFactors(-1, 10_000, 0));
    }
}
