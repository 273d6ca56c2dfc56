package io.copartner.kernel.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** SHA-256 and lowercase hex, the encodings used for audit-log hashes and proofs. */
public final class Hashes {

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /** SHA-256 of the concatenation of the given parts (e.g. {@code sha256(new byte[]{0}, data)} for a leaf). */
    public static byte[] sha256(byte[]... parts) {
        Objects.requireNonNull(parts, "parts must not be null");
        MessageDigest digest = newSha256();
        for (byte[] part : parts) {
            digest.update(Objects.requireNonNull(part, "part must not be null"));
        }
        return digest.digest();
    }

    /** Lowercase hex of the bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(Objects.requireNonNull(bytes, "bytes must not be null"));
    }

    /**
     * Decodes hex (either case); refuses odd lengths and any non-hex character (no prefixes, no whitespace)
     * with {@link IllegalArgumentException}.
     */
    public static byte[] fromHex(String hex) {
        Objects.requireNonNull(hex, "hex must not be null");
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string must have an even length but has " + hex.length());
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            // Explicit ASCII ranges: Character.digit would also accept non-ASCII digits.
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                throw new IllegalArgumentException("invalid hex character '" + c + "' at index " + i);
            }
        }
        return HEX.parseHex(hex);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this is a broken runtime.
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
