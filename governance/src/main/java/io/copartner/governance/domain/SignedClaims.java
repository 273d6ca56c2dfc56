package io.copartner.governance.domain;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reading the members of a verified statement's payload; each failure is the caller's 400. */
final class SignedClaims {

    /** 16–64 visible ASCII characters. */
    static final Pattern NONCE = Pattern.compile("[\\x21-\\x7e]{16,64}");

    private SignedClaims() {
    }

    static String text(Map<String, Object> payload, String name, Function<String, RuntimeException> refuse) {
        if (payload.get(name) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw refuse.apply(name + " must be a non-empty string");
    }

    static long epochSeconds(Map<String, Object> payload, String name, Function<String, RuntimeException> refuse) {
        Object v = payload.get(name);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return n.longValue();
            }
        }
        throw refuse.apply(name + " must be an integer number of seconds since the epoch");
    }

    static String nonce(Map<String, Object> payload, Function<String, RuntimeException> refuse) {
        String nonce = text(payload, "nonce", refuse);
        if (!NONCE.matcher(nonce).matches()) {
            throw refuse.apply("nonce must be 16 to 64 visible ASCII characters");
        }
        return nonce;
    }
}
