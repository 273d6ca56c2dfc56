package io.copartner.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Money MAX = Money.of("CNY", Long.MAX_VALUE);
    private static final Money MIN = Money.of("CNY", Long.MIN_VALUE);
    private static final Money ONE_FEN = Money.of("CNY", 1);

    @Test
    void arithmeticIsExact() {
        Money a = Money.of("CNY", 1234);
        Money b = Money.of("CNY", 66);
        assertEquals(Money.of("CNY", 1300), a.plus(b));
        assertEquals(Money.of("CNY", 1168), a.minus(b));
        assertEquals(Money.of("CNY", -1234), a.negate());
        assertEquals(Money.of("CNY", 3702), a.times(3));
        assertEquals(a, a.negate().abs());
        assertEquals(Money.zero(Asset.of("CNY")), a.minus(a));
    }

    @Test
    void overflowIsRefused() {
        assertThrows(ArithmeticException.class, () -> MAX.plus(ONE_FEN));
        assertThrows(ArithmeticException.class, () -> MIN.minus(ONE_FEN));
        assertThrows(ArithmeticException.class, () -> MIN.negate());
        assertThrows(ArithmeticException.class, () -> MIN.abs());
        assertThrows(ArithmeticException.class, () -> MAX.times(2));
        assertThrows(ArithmeticException.class, () -> Money.of("CNY", Long.MAX_VALUE / 10 + 1).times(10));
    }

    @Test
    void mixingAssetsIsRefused() {
        Money cny = Money.of("CNY", 100);
        Money usd = Money.of("USD", 100);
        Money pts = Money.of("PTS:acme", 100);
        AssetMismatchException e = assertThrows(AssetMismatchException.class, () -> cny.plus(usd));
        assertEquals(Asset.of("CNY"), e.expected());
        assertEquals(Asset.of("USD"), e.actual());
        assertThrows(AssetMismatchException.class, () -> cny.minus(pts));
        assertThrows(AssetMismatchException.class, () -> cny.compareTo(usd));
        assertThrows(AssetMismatchException.class, () -> Money.of("PTS:a", 1).plus(Money.of("PTS:b", 1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cny.isGreaterThan(usd)) instanceof AssetMismatchException);
    }

    @Test
    void comparisonAndSigns() {
        Money small = Money.of("CNY", -5);
        Money big = Money.of("CNY", 7);
        assertTrue(small.compareTo(big) < 0);
        assertTrue(big.isGreaterThan(small));
        assertTrue(small.isLessThan(big));
        assertEquals(0, big.compareTo(Money.of("CNY", 7)));
        assertTrue(small.isNegative());
        assertFalse(small.isPositive());
        assertTrue(big.isPositive());
        assertTrue(Money.zero(Asset.of("USD")).isZero());
        assertFalse(big.isZero());
    }

    @ParameterizedTest
    @CsvSource({
        "CNY, 1234, CNY 12.34",
        "CNY, 5, CNY 0.05",
        "CNY, -5, CNY -0.05",
        "CNY, 0, CNY 0.00",
        "CNY, -120000, CNY -1200.00",
        "JPY, 500, JPY 500",
        "KWD, 1234, KWD 1.234",
        "PTS:acme, 500, PTS:acme 500",
        "CNY, 9223372036854775807, CNY 92233720368547758.07",
        "CNY, -9223372036854775808, CNY -92233720368547758.08",
    })
    void formatsFromMinorUnits(String asset, long minor, String expected) {
        Money m = Money.of(asset, minor);
        assertEquals(expected, m.toString());
        assertEquals(m, Money.parse(expected)); // round trip
    }

    @ParameterizedTest
    @CsvSource({
        "CNY, 12.34, 1234",
        "CNY, 12.3, 1230",
        "CNY, 12, 1200",
        "CNY, -0.01, -1",
        "CNY, 007.50, 750",
        "JPY, 500, 500",
        "KWD, 0.001, 1",
        "PTS:acme, 500, 500",
        "CNY, 92233720368547758.07, 9223372036854775807",
    })
    void parsesDecimalStrings(String asset, String decimal, long minor) {
        assertEquals(Money.of(asset, minor), Money.parse(asset, decimal));
    }

    @Test
    void parseRefusesMoreFractionalDigitsThanTheAssetHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse("CNY", "12.345"));
        assertTrue(e.getMessage().contains("fractional"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.parse("JPY", "1.0"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("PTS:acme", "1.5"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("CNY", "12.340"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12.", ".5", "+1", "1e3", "1,000", " 1", "1 ", "--1", "NaN", "0x10", "１２"})
    void parseRefusesNonPlainDecimals(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("CNY", text));
    }

    @Test
    void parseRefusesAmountsBeyondALong() {
        assertThrows(ArithmeticException.class, () -> Money.parse("CNY", "92233720368547758.08"));
        assertThrows(ArithmeticException.class, () -> Money.parse("PTS:acme", "99999999999999999999"));
    }

    @Test
    void invalidAssetCodesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("cny", 1));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("PTS:ACME", "1"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("CNY12.34"));
        assertThrows(NullPointerException.class, () -> new Money(null, 1));
    }
}
