package io.copartner.kernel.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
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
