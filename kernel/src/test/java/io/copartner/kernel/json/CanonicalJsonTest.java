package io.copartner.kernel.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from RFC 8785 (sections 3.2.2, 3.2.3 and Appendix B). */
class CanonicalJsonTest {

    @Test
    void rfc8785Section322Sample() {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
                + "              2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        String expected = "{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, CanonicalJson.canonicalize(input));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), CanonicalJson.canonicalBytes(input));
    }

    @Test
    void propertiesAreSortedByUtf16CodeUnits() {
        String input = "{\n"
                + "  \"\\u20ac\": \"Euro Sign\",\n"
                + "  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                + "  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                + "  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                + "}";
        String expected = "{\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, CanonicalJson.canonicalize(input));
    }

    @Test
    void nestedObjectsAreSortedAndWhitespaceRemoved() {
        assertEquals("{\"a\":{\"x\":1,\"y\":[true,{\"b\":2,\"c\":3}]},\"b\":\"\"}",
                CanonicalJson.canonicalize(" { \"b\" : \"\" , \"a\" : { \"y\" : [ true , { \"c\":3, \"b\":2 } ], \"x\" : 1 } } "));
    }

    @Test
    void outputIsUtf8() {
        assertArrayEquals(new byte[] {'[', '"', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, '"', ']'},
                CanonicalJson.canonicalBytes("[\"\\u20ac\"]"));
    }

    @Test
    void topLevelMustBeAnObjectOrArray() {
        // A limitation of the underlying library (and what RFC 7493 I-JSON recommends): scalars are refused.
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("\"text\""));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("42"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e21 | 1e+21",
        "-0 | 0",
        "0.0 | 0",
        "1e-7 | 1e-7",
        "0.000001 | 0.000001",
        "9007199254740993 | 9007199254740992",
        "-9007199254740992 | -9007199254740992",
        "100 | 100",
        "1E2 | 100",
        "295147905179352830000 | 295147905179352830000",
        "999999999999999999999 | 1e+21",
        "1e23 | 1e+23",
        "-0.0000033333333333333333 | -0.0000033333333333333333",
        "1424953923781206.2 | 1424953923781206.2",
    })
    void numbersFollowEcmaScriptFormatting(String input, String expected) {
        assertEquals("[" + expected + "]", CanonicalJson.canonicalize("[" + input + "]"));
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0000000000000000 | 0",
        "8000000000000000 | 0",
        "0000000000000001 | 5e-324",
        "8000000000000001 | -5e-324",
        "7fefffffffffffff | 1.7976931348623157e+308",
        "ffefffffffffffff | -1.7976931348623157e+308",
        "4340000000000000 | 9007199254740992",
        "c340000000000000 | -9007199254740992",
        "4430000000000000 | 295147905179352830000",
        "44b52d02c7e14af5 | 9.999999999999997e+22",
        "44b52d02c7e14af6 | 1e+23",
        "44b52d02c7e14af7 | 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e | 999999999999999700000",
        "444b1ae4d6e2ef4f | 999999999999999900000",
        "444b1ae4d6e2ef50 | 1e+21",
        "3eb0c6f7a0b5ed8c | 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d | 0.000001",
        "41b3de4355555553 | 333333333.3333332",
        "41b3de4355555554 | 333333333.33333325",
        "41b3de4355555555 | 333333333.3333333",
        "41b3de4355555556 | 333333333.3333334",
        "41b3de4355555557 | 333333333.33333343",
        "becbf647612f3696 | -0.0000033333333333333333",
        "43143ff3c1cb0959 | 1424953923781206.2",
    })
    void appendixBNumbers(String ieeeHex, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        // Double.toString always round-trips to the same double, so it is a faithful JSON input.
        assertEquals("[" + expected + "]", CanonicalJson.canonicalize("[" + Double.toString(d) + "]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "tru", "'a'", "{a:1}", "[NaN]", "[1e400]",
        "{\"a\":1}}", "[\"unterminated]", "{\"a\":1,\"a\":2}"})
    void invalidJsonIsRejected(String input) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize(input));
        assertEquals(true, e.getMessage().startsWith("not valid JSON"), e.getMessage());
    }
}
