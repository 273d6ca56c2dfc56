package io.copartner.commerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest
    @CsvSource({
        // GS1's own examples: GTIN-13 4006381333931 (check 1), GTIN-12 036000291452 (UPC-A), GTIN-8 96385074,
        // GTIN-14 10614141000415 (GS1 US case example)
        "4006381333931, 04006381333931",
        "036000291452, 00036000291452",
        "96385074, 00000096385074",
        "10614141000415, 10614141000415",
        "00000000000000, 00000000000000"})
    void validGtinsArePaddedToGtin14(String given, String gtin14) {
        assertEquals(gtin14, Gtin.parse(given).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "10614141000416", "036000291453", "96385075"})
    void aWrongCheckDigitIsRefused(String gtin) {
        ProblemException e = assertThrows(ProblemException.class, () -> Gtin.parse(gtin));
        assertEquals(ProblemType.GTIN_INVALID.uri(), e.problem().type());
        assertEquals(400, e.problem().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "12345678901", "123456789012345", "4006381333a31",
        " 4006381333931", "٤٠٠٦٣٨١٣٣٣٩٣١"})
    void anythingButEight12Or13Or14AsciiDigitsIsRefused(String gtin) {
        ProblemException e = assertThrows(ProblemException.class, () -> Gtin.parse(gtin));
        assertEquals(ProblemType.GTIN_INVALID.uri(), e.problem().type());
    }

    @ParameterizedTest
    @CsvSource({"400638133393, 1", "1061414100041, 5", "0000000000000, 0"})
    void theCheckDigitIsGs1Mod10(String first13, int digit) {
        assertEquals(digit, Gtin.checkDigit(first13.length() == 12 ? "0" + first13 : first13));
    }
}
