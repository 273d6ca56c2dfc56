package io.copartner.kernel.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * <p>Why: signatures and audit-log hashes are computed over bytes, so every party must turn the same JSON
 * value into the same bytes: sorted keys (by UTF-16 code units), no whitespace, ECMAScript number
 * formatting and minimal string escaping.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * The canonical form of a JSON text; throws {@link IllegalArgumentException} if it is not valid JSON.
     * The top-level value must be an object or an array (the library refuses bare scalars, as I-JSON
     * recommends); NaN/Infinity and numbers outside the double range are refused.
     */
    public static String canonicalize(String json) {
        return canonicalizer(json).getEncodedString();
    }

    /** The canonical form as UTF-8 bytes, ready to hash or sign. */
    public static byte[] canonicalBytes(String json) {
        return canonicalize(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Integers of at most this magnitude are exact as IEEE 754 doubles, so JCS prints them as plain digits. */
    static final long MAX_EXACT_INTEGER = 1L << 53;

    /**
     * The canonical form of a value built only from {@code Map}s with {@code String} keys, {@code List}s,
     * {@code String}s, {@code Boolean}s and {@code Integer}/{@code Long}s of magnitude at most 2^53, written
     * directly: the same characters as {@link #canonicalize(String)} of any JSON text of that value (for example
     * JSON-B's), without producing and re-parsing that text. Empty when the value holds anything else ({@code null},
     * another kind of number, a bean) or is not an object or array at the top: the caller then takes the general
     * path, so the result never depends on which path was taken.
     */
    public static Optional<String> writeSimple(Object value) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(256);
        return write(value, out) ? Optional.of(out.toString()) : Optional.empty();
    }

    private static boolean write(Object value, StringBuilder out) {
        if (value instanceof String s) {
            writeString(s, out);
            return true;
        }
        if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
            return true;
        }
        if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (n > MAX_EXACT_INTEGER || n < -MAX_EXACT_INTEGER) {
                return false;
            }
            out.append(n);
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            // Sorted by UTF-16 code units (String's natural order), as RFC 8785 section 3.2.3 asks.
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                sorted.put(key, e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(e.getKey(), out);
                out.append(':');
                if (!write(e.getValue(), out)) {
                    return false;
                }
            }
            out.append('}');
            return true;
        }
        if (value instanceof List<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (!write(element, out)) {
                    return false;
                }
            }
            out.append(']');
            return true;
        }
        return false;
    }

    /** RFC 8785 section 3.2.2.2 (ECMAScript JSON.stringify): only '"', '\\' and controls are escaped. */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"', '\\' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static JsonCanonicalizer canonicalizer(String json) {
        Objects.requireNonNull(json, "json must not be null");
        try {
            return new JsonCanonicalizer(json);
        } catch (IOException | RuntimeException e) {
            // The parser reports syntax errors as IOException and some (numbers) as runtime exceptions.
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
