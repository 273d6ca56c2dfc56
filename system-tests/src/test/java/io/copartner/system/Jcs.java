package io.copartner.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JCS) for the simple shapes the governance contract hashes: objects, arrays, strings, integers,
 * booleans, null. Written here from the RFC, sharing nothing with the platform's canonicalizer: members sorted by
 * their names' UTF-16 code units, no whitespace, strings escaped as ECMAScript's JSON.stringify does, integers
 * as plain decimals, fractions of magnitude 1e-6..1e21 in plain notation (anything else, or an integer beyond
 * 2^53, is outside these shapes and fails loudly).
 */
final class Jcs {

    static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private static final BigInteger SAFE = BigInteger.valueOf(9007199254740991L); // 2^53 - 1

    private Jcs() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    static String canonical(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        write(n, sb);
        return sb.toString();
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical JSON array of the given strings. */
    static String stringArray(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(items.get(i), sb);
        }
        return sb.append(']').toString();
    }

    private static void write(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo); // String.compareTo compares UTF-16 code units, as RFC 8785 §3.2.3 asks
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(names.get(i), sb);
                sb.append(':');
                write(n.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            Iterator<JsonNode> it = n.elements();
            boolean first = true;
            while (it.hasNext()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(it.next(), sb);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            string(n.textValue(), sb);
        } else if (n.isIntegralNumber()) {
            BigInteger v = n.bigIntegerValue();
            if (v.abs().compareTo(SAFE) > 0) {
                throw new IllegalArgumentException("integer beyond 2^53 in a hashed shape: " + v);
            }
            sb.append(v);
        } else if (n.isNumber()) {
            // ECMAScript prints a double of magnitude in [1e-6, 1e21) as its shortest round-trip digits in plain
            // notation (EPCIS quantities such as 12.5); exponent forms are outside these shapes.
            double d = n.doubleValue();
            if (!Double.isFinite(d) || Math.abs(d) < 1e-6 || Math.abs(d) >= 1e21) {
                throw new IllegalArgumentException("a fraction outside the plain range in a hashed shape: " + n);
            }
            sb.append(new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString());
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else if (n.isNull()) {
            sb.append("null");
        } else {
            throw new IllegalArgumentException("unexpected JSON node " + n.getNodeType());
        }
    }

    /** RFC 8785 §3.2.2.2: JSON.stringify's escapes; everything else, non-ASCII included, as is. */
    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
