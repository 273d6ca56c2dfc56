package io.copartner.commerce.domain;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.util.Objects;

/**
 * A GS1 Global Trade Item Number as GTIN-14: 14 digits whose last is the GS1 mod-10 check digit (weights 3 and 1
 * alternating from the right, excluding the check digit). GTIN-8, -12 and -13 are accepted and left-padded with
 * zeros, as GS1 Digital Link does, so one item has exactly one spelling.
 */
public record Gtin(String value) {

    public Gtin {
        Objects.requireNonNull(value, "value must not be null");
        if (!value.matches("[0-9]{14}")) {
            throw new IllegalArgumentException("a GTIN-14 is 14 digits");
        }
        if (checkDigit(value.substring(0, 13)) != value.charAt(13) - '0') {
            throw new IllegalArgumentException("the GTIN's check digit is wrong: expected "
                + checkDigit(value.substring(0, 13)));
        }
    }

    /** Parses a GTIN-8/12/13/14 (digits only) into its GTIN-14; {@code gtin-invalid} (400) if it is not one. */
    public static Gtin parse(String text) {
        if (text == null || !text.matches("[0-9]{8}|[0-9]{12,14}")) {
            throw ProblemException.of(ProblemType.GTIN_INVALID,
                "gtin must be a GTIN-8, -12, -13 or -14: only digits, 8, 12, 13 or 14 of them");
        }
        String padded = "0".repeat(14 - text.length()) + text;
        try {
            return new Gtin(padded);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ProblemType.GTIN_INVALID, "gtin " + text + ": " + e.getMessage());
        }
    }

    /** The GS1 check digit of the first 13 digits of a GTIN-14. */
    public static int checkDigit(String first13) {
        int sum = 0;
        for (int i = 0; i < first13.length(); i++) {
            int digit = first13.charAt(first13.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
