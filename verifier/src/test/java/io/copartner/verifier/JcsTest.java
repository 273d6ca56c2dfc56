package io.copartner.verifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The verifier's own RFC 8785 canonicalizer against the RFC's examples. */
class JcsTest {

    @Test
    void rfc8785Section322SampleInput() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, Jcs.canonicalize(input));
    }

    @Test
    void rfc8785Section323SortsByUtf16CodeUnits() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, Jcs.canonicalize(input));
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfc8785AppendixBNumbers(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertEquals(expected, Jcs.formatNumber(d));
        // and through the parser: the shortest text must parse back to the same canonical form
        assertEquals("[" + expected + "]", Jcs.canonicalize("[" + expected + "]"));
    }

    @Test
    void nanAndInfinityAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.formatNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Jcs.formatNumber(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("[1e400]"));
    }

    @Test
    void javaDoubleToStringIsNotShortestButWeAre() {
        // JDK-4511638: Java 17 prints 2.0000000000000002E23 for 2e23
        assertEquals("2e+23", Jcs.formatNumber(2e23));
        assertEquals("1e+21", Jcs.canonicalize("1000000000000000000000"));
        assertEquals("100000000000000000000", Jcs.canonicalize("100000000000000000000"));
        assertEquals("-12.5", Jcs.canonicalize("-1.25E1"));
        assertEquals("[1,0,1e-7]", Jcs.canonicalize("[1.0, -0, 0.0000001]"));
    }

    @Test
    void whitespaceAndKeyOrderAreNormalised() {
        String canon = "{\"a\":1,\"b\":[true,{\"c\":\"x\"}]}";
        assertEquals(canon, Jcs.canonicalize(" { \"b\" : [ true , { \"c\" : \"x\" } ] , \"a\" : 1 } "));
        assertNotEquals("{\"b\":1,\"a\":2}", Jcs.canonicalize("{\"b\":1,\"a\":2}"));
    }

    @Test
    void controlCharactersUseLowercaseUnicodeEscapes() {
        assertEquals("\"\\u0001\\u001f\\b\\t\u007f\u2028\"", Jcs.canonicalize("\"\\u0001\\u001F\\b\\t\\u007f\\u2028\""));
    }

    @Test
    void nonIJsonInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("{\"a\":1,\"a\":2}"), "duplicate member");
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("\"\\ud800\""), "lone surrogate");
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("{\"a\":1} x"), "trailing garbage");
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize("{\"a\":"), "truncated");
    }
}
