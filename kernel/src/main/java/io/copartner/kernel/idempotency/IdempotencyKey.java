package io.copartner.kernel.idempotency;

import io.copartner.kernel.problem.ProblemException;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of an {@code Idempotency-Key} header: 1..{@value #MAX_LENGTH} visible ASCII characters (0x21..0x7E, so
 * no spaces, controls or non-ASCII). Keys are compared byte for byte, so anything that could be normalised differently
 * on the way (whitespace, Unicode) is refused rather than guessed at.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    /** Set to {@code true} on a response that is the stored answer of an earlier request with the same key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 200;
    static final String RULE = "an Idempotency-Key is 1.." + MAX_LENGTH + " visible ASCII characters (no spaces)";

    public IdempotencyKey {
        Objects.requireNonNull(value, "value must not be null");
        if (!isValid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** For writes that need a key: a missing or bad header is a 400 {@code validation} problem. */
    public static IdempotencyKey required(String header) {
        if (header == null) {
            throw ProblemException.badRequest(RULE + " and required here");
        }
        return optional(header).orElseThrow();
    }

    /** For writes where a key is optional: no header is empty; a header that breaks the rule (even "") is a 400. */
    public static Optional<IdempotencyKey> optional(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!isValid(header)) {
            throw ProblemException.badRequest(RULE);
        }
        return Optional.of(new IdempotencyKey(header));
    }

    @Override
    public String toString() {
        return value;
    }
}
