package io.copartner.verifier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An independent RFC 8785 (JSON Canonicalization Scheme) implementation: parse with Jackson, then emit
 * objects with members sorted by the UTF-16 code units of their names, no whitespace, strings escaped as
 * ECMAScript's {@code JSON.stringify} does and numbers formatted as ECMAScript's {@code Number.prototype.toString}
 * (every number is an IEEE 754 double, as in I-JSON).
 */
public final class Jcs {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Jcs() {
    }

    /** Canonicalizes JSON text; throws {@link IllegalArgumentException} for invalid JSON or non-I-JSON input. */
    public static String canonicalize(String json) {
        JsonNode node;
        try (JsonParser p = MAPPER.createParser(json)) {
            node = MAPPER.readTree(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("invalid JSON: empty input");
        }
        StringBuilder sb = new StringBuilder(json.length());
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    members.add(it.next());
                }
                // String.compareTo compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
                members.sort(Map.Entry.comparingByKey());
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> m : members) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    writeString(m.getKey(), sb);
                    sb.append(':');
                    write(m.getValue(), sb);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> writeString(node.textValue(), sb);
            case NUMBER -> sb.append(formatNumber(node.doubleValue()));
            case BOOLEAN -> sb.append(node.booleanValue() ? "true" : "false");
            case NULL -> sb.append("null");
            default -> throw new IllegalArgumentException("unsupported JSON node " + node.getNodeType());
        }
    }

    static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("lone surrogate in string (not I-JSON)");
                }
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("lone surrogate in string (not I-JSON)");
            }
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
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * ECMAScript Number::toString(10) for a finite double (ECMA-262 §6.1.6.1.20): the shortest decimal digit
     * string that reads back as the same double (closest to the exact value when several have that length),
     * laid out as an integer, a decimal fraction or with an exponent depending on the decimal point position.
     */
    public static String formatNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("NaN and Infinity are not valid JSON numbers");
        }
        if (d == 0) {
            return "0"; // also -0
        }
        if (d < 0) {
            return "-" + formatNumber(-d);
        }
        // Integers below 2^53 are exact and their plain digits are the shortest form.
        if (d < 9007199254740992d && d == Math.rint(d)) {
            return Long.toString((long) d);
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().toString();
        // strip trailing zeros of the digit string (unscaled value may carry them)
        int k = digits.length();
        int trailing = 0;
        while (trailing < k - 1 && digits.charAt(k - 1 - trailing) == '0') {
            trailing++;
        }
        digits = digits.substring(0, k - trailing);
        k = digits.length();
        // value = digits * 10^(n-k)
        int n = k - shortest.scale() + trailing;
        StringBuilder sb = new StringBuilder();
        if (k <= n && n <= 21) {
            sb.append(digits);
            for (int i = 0; i < n - k; i++) {
                sb.append('0');
            }
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (int i = 0; i < -n; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    /**
     * The shortest decimal that round-trips to {@code d} (d finite, positive). Java 17's Double.toString is
     * not always shortest (JDK-4511638), so this searches precisions 1..17 and, at the first precision that
     * admits a round-tripping value, picks the candidate closest to the exact binary value (ties: even digit).
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            MathContext floorMc = new MathContext(p, RoundingMode.FLOOR);
            MathContext ceilMc = new MathContext(p, RoundingMode.CEILING);
            BigDecimal lo = exact.round(floorMc);
            BigDecimal hi = exact.round(ceilMc);
            boolean loOk = lo.doubleValue() == d;
            boolean hiOk = hi.doubleValue() == d;
            if (loOk && hiOk) {
                int cmp = exact.subtract(lo).compareTo(hi.subtract(exact));
                if (cmp < 0) {
                    return lo;
                }
                if (cmp > 0) {
                    return hi;
                }
                return lo.unscaledValue().testBit(0) ? hi : lo;
            }
            if (loOk) {
                return lo;
            }
            if (hiOk) {
                return hi;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
