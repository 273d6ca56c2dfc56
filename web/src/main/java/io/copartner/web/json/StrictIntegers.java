package io.copartner.web.json;

import io.copartner.kernel.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

/**
 * Integer fields of request bodies take a JSON integer literal within the Java type's range, nothing else.
 * Yasson by default truncates {@code 1.9} to 1, wraps 2^63 to -2^63, and accepts {@code 1e3} and {@code "12"}: with
 * money in long minor units that silently changes amounts. A refused value is a 400 {@code validation} problem.
 * These bind boxed {@code Long}/{@code Integer}; request records use boxed types (RequestBodyTypesTest checks).
 */
public final class StrictIntegers {

    /** RFC 8259 §6 int: an optional minus, then 0 or digits without a leading zero; no fraction, no exponent. */
    private static final Pattern INTEGER_LITERAL = Pattern.compile("-?(0|[1-9][0-9]*)");

    private StrictIntegers() {
    }

    /** The value, or null for a JSON null (Bean Validation decides whether null is allowed). */
    static Long read(JsonParser parser, long min, long max, String typeName) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            String literal = n.toString();
            if (INTEGER_LITERAL.matcher(literal).matches() && n.isIntegral()) {
                try {
                    long v = Long.parseLong(literal);
                    if (v >= min && v <= max) {
                        return v;
                    }
                } catch (NumberFormatException outOfLongRange) {
                    // falls through to the refusal below
                }
            }
            throw refused(literal, min, max, typeName);
        }
        throw refused(value.getValueType() == JsonValue.ValueType.STRING ? "a string" : String.valueOf(value),
            min, max, typeName);
    }

    private static ProblemException refused(String what, long min, long max, String typeName) {
        String shown = what.length() > 40 ? what.substring(0, 40) + "..." : what;
        return ProblemException.badRequest(shown + " is not accepted for an integer field: it takes a JSON integer "
            + "(no fraction, exponent or quotes) from " + min + " to " + max + " (" + typeName + ")");
    }

    /** {@code Long} fields and elements. */
    public static final class LongDeserializer implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            return read(parser, Long.MIN_VALUE, Long.MAX_VALUE, "64-bit");
        }
    }

    /** {@code Integer} fields and elements. */
    public static final class IntegerDeserializer implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            Long v = read(parser, Integer.MIN_VALUE, Integer.MAX_VALUE, "32-bit");
            return v == null ? null : v.intValue();
        }
    }
}
