package io.copartner.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalJson#writeSimple} must give exactly what the general path gives ({@link CanonicalJson#canonicalize}
 * of a JSON text of the same value): audit leaf hashes and request fingerprints are computed over these bytes.
 */
class CanonicalJsonWriteSimpleTest {

    @Property(tries = 2000)
    void writesWhatTheCanonicalizerWritesForTheSameValue(@ForAll("values") Object value) {
        assertEquals(CanonicalJson.canonicalize(plainJson(value)), CanonicalJson.writeSimple(value).orElseThrow());
    }

    @Test
    void anAuditEntryShapedValue() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("v", 1);
        entry.put("type", "ledger.entry.posted");
        entry.put("subject", "ledger-entry:01936b2f-0000-7000-8000-000000000001");
        entry.put("time", "2026-11-25T10:00:00.123456Z");
        entry.put("payload", Map.of("postings", List.of(Map.of("accountId", "a", "asset", "CNY", "amount", "-1")),
            "memo", "Caf\u00e9 \"quoted\"\n\u0001\u20ac\ud83d\ude00"));
        String expected = "{\"payload\":{\"memo\":\"Caf\u00e9 \\\"quoted\\\"\\n\\u0001\u20ac\ud83d\ude00\","
            + "\"postings\":[{\"accountId\":\"a\",\"amount\":\"-1\",\"asset\":\"CNY\"}]},"
            + "\"subject\":\"ledger-entry:01936b2f-0000-7000-8000-000000000001\","
            + "\"time\":\"2026-11-25T10:00:00.123456Z\",\"type\":\"ledger.entry.posted\",\"v\":1}";
        assertEquals(expected, CanonicalJson.writeSimple(entry).orElseThrow());
        assertEquals(expected, CanonicalJson.canonicalize(plainJson(entry)));
    }

    @Test
    void anythingElseIsLeftToTheGeneralPath() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        for (Object value : List.of("a bare string", 1, true, Map.of("n", 1.5), Map.of("n", new BigDecimal("1")),
            Map.of("n", (1L << 53) + 1), Map.of("n", -(1L << 53) - 1), List.of(Map.of(1, "non-string key")),
            withNull, Arrays.asList("x", null), Map.of("bean", new Object()))) {
            assertTrue(CanonicalJson.writeSimple(value).isEmpty(), () -> "should fall back: " + value);
        }
        assertEquals("{\"n\":9007199254740992}", CanonicalJson.writeSimple(Map.of("n", 1L << 53)).orElseThrow());
        assertEquals("[-9007199254740992]", CanonicalJson.writeSimple(List.of(-(1L << 53))).orElseThrow());
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(maps(2), lists(2));
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
            strings().map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().between(-CanonicalJson.MAX_EXACT_INTEGER, CanonicalJson.MAX_EXACT_INTEGER)
                .map(l -> (Object) l),
            Arbitraries.of(true, false).map(b -> (Object) b));
        return depth == 0 ? scalars : Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, scalars), net.jqwik.api.Tuple.of(1, maps(depth - 1)),
            net.jqwik.api.Tuple.of(1, lists(depth - 1)));
    }

    private Arbitrary<Object> maps(int depth) {
        return Arbitraries.maps(strings(), value(depth)).ofMaxSize(6).map(m -> (Object) m);
    }

    private Arbitrary<Object> lists(int depth) {
        return value(depth).list().ofMaxSize(5).map(l -> (Object) new ArrayList<>(l));
    }

    /** Any character, controls, quotes, backslashes, non-BMP pairs and lone surrogates included. */
    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(12),
            Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u20ac\ud83d\ude00ab")
                .ofMaxLength(12));
    }

    /** A JSON text of the value that escapes every character outside printable ASCII: a different text, same value. */
    private static String plainJson(Object value) {
        StringBuilder out = new StringBuilder();
        plain(value, out);
        return out.toString();
    }

    private static void plain(Object value, StringBuilder out) {
        if (value instanceof String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04X", (int) c));
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append("{ ");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : " , ");
                first = false;
                plain(e.getKey(), out);
                out.append(" : ");
                plain(e.getValue(), out);
            }
            out.append(" }");
        } else if (value instanceof List<?> list) {
            out.append("[ ");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : " , ");
                plain(list.get(i), out);
            }
            out.append(" ]");
        } else {
            out.append(value);
        }
    }
}
