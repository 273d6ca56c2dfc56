package io.copartner.kernel.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetTest {

    @Test
    void currenciesTakeTheirMinorDigitsFromIso4217() {
        assertEquals(2, Asset.of("CNY").minorDigits());
        assertEquals(2, Asset.of("USD").minorDigits());
        assertEquals(0, Asset.of("JPY").minorDigits());
        assertEquals(3, Asset.of("KWD").minorDigits());
        assertFalse(Asset.of("EUR").isPoints());
        assertEquals("EUR", Asset.of("EUR").code());
    }

    @Test
    void pointsHaveScaleZeroAndABrand() {
        Asset pts = Asset.of("PTS:acme-2");
        assertTrue(pts.isPoints());
        assertEquals(0, pts.minorDigits());
        assertEquals("acme-2", pts.brand());
        assertEquals(pts, Asset.points("acme-2"));
        assertEquals(0, Asset.of("PTS:" + "a".repeat(64)).minorDigits());
        assertThrows(IllegalStateException.class, () -> Asset.of("CNY").brand());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cny", "CN", "CNYY", "ABC", "XAU", "XXX", " CNY", "PTS:", "PTS:Acme", "PTS:acme_1",
        "PTS:a b", "pts:acme", "PTS:acmé"})
    void rejectsEverythingElse(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Asset.of(code));
        assertTrue(e.getMessage().contains(code), e.getMessage());
    }

    @Test
    void rejectsTooLongBrandAndNull() {
        assertThrows(IllegalArgumentException.class, () -> Asset.of("PTS:" + "a".repeat(65)));
        assertThrows(NullPointerException.class, () -> Asset.of(null));
    }
}
