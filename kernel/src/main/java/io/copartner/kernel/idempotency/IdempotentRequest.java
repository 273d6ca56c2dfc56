package io.copartner.kernel.idempotency;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyed write as the idempotency store sees it: the key, the operation (e.g. {@code ledger.entry.post}), the caller
 * and the fingerprint of what the client sent.
 *
 * <p>The fingerprint is the SHA-256 (lowercase hex) of the RFC 8785 canonical JSON of
 * {@code {"caller":..,"operation":..,"request":..}}: key order and whitespace never matter, while another body, another
 * operation or another caller gives another fingerprint, so the same key then answers 409 instead of replaying
 * someone else's answer. The request is what the client sent, never defaults the server filled in (a clock, an id):
 * a retry a second later is the same request. In the request, a {@code null} member is the same as a missing one;
 * values are maps with string keys, lists, strings, booleans, integers and enums (by name); integers beyond ±2^53
 * are taken as their decimal string (RFC 8785 numbers are doubles).
 */
public record IdempotentRequest(IdempotencyKey key, String operation, PartyId caller, String fingerprint) {

    private static final Pattern OPERATION = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,99}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final long MAX_EXACT = 1L << 53;

    public IdempotentRequest {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(caller, "caller must not be null");
        if (operation == null || !OPERATION.matcher(operation).matches()) {
            throw new IllegalArgumentException("operation must be 1..100 of a-z 0-9 . _ : - but was " + operation);
        }
        if (fingerprint == null || !HEX64.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("fingerprint must be 64 lowercase hex digits");
        }
    }

    public static IdempotentRequest of(IdempotencyKey key, String operation, PartyId caller, Map<String, ?> request) {
        Objects.requireNonNull(caller, "caller must not be null");
        return new IdempotentRequest(key, operation, caller, fingerprint(operation, caller, request));
    }

    /** The fingerprint of a request (see the class comment). */
    public static String fingerprint(String operation, PartyId caller, Map<String, ?> request) {
        Objects.requireNonNull(request, "request must not be null");
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("caller", caller.value());
        whole.put("operation", Objects.requireNonNull(operation, "operation must not be null"));
        whole.put("request", normalise(request));
        String canonical = CanonicalJson.writeSimple(whole)
            .orElseThrow(() -> new IllegalStateException("a normalised request is always simple JSON"));
        return Hashes.hex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The fingerprint of a request given as JSON text (a body as it came): its RFC 8785 canonical form, so whitespace
     * and member order never matter. Here a {@code null} member is kept as sent. {@link IllegalArgumentException} if
     * the text is not a JSON object or array.
     */
    public static String fingerprintOfJson(String operation, PartyId caller, String json) {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(json, "json must not be null");
        if (operation == null || !OPERATION.matcher(operation).matches()) {
            throw new IllegalArgumentException("operation must be 1..100 of a-z 0-9 . _ : - but was " + operation);
        }
        // Caller and operation have charsets without quotes or backslashes, so they need no escaping; the whole text
        // body is canonicalised alone first, so it is one JSON value and cannot add members of its own.
        String canonical = CanonicalJson.canonicalize("{\"request\":" + CanonicalJson.canonicalize(json) + ",\"caller\":\"" + caller.value()
            + "\",\"operation\":\"" + operation + "\"}");
        return Hashes.hex(Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("request member names must be strings: " + e.getKey());
                }
                if (e.getValue() != null) {
                    out.put(name, normalise(e.getValue()));
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element == null) {
                    throw new IllegalArgumentException("request lists must not hold null");
                }
                out.add(normalise(element));
            }
            return out;
        }
        if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            return n > MAX_EXACT || n < -MAX_EXACT ? Long.toString(n) : (Object) n;
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("not a JSON value of a request: " + value.getClass().getName());
    }
}
