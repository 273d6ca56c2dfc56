package io.copartner.commerce.domain;

import io.copartner.kernel.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A review or reply text as stored: Unicode NFC (so the same words typed on two keyboards hash alike), trimmed,
 * 1..max code points, no control characters except line breaks and tabs; its hash is the SHA-256 of the UTF-8 bytes.
 */
public record ReviewText(String value) {

    public static ReviewText of(String raw, int maxCodePoints, String field) {
        if (raw == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        int n = s.codePointCount(0, s.length());
        if (n > maxCodePoints) {
            throw new IllegalArgumentException(field + ": at most " + maxCodePoints + " characters (got " + n + ")");
        }
        boolean bad = s.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
            || (c >= 0xD800 && c <= 0xDFFF));
        if (bad) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return new ReviewText(s);
    }

    public String sha256() {
        return Hashes.hex(Hashes.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }
}
