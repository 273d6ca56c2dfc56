package io.copartner.governance.domain;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The pinned {@code ballotsHash}: hex SHA-256 of the RFC 8785 canonical JSON array of the accepted ballots' compact
 * JWS strings, in receive order, hashed as it streams (a million ballots never become one string).
 */
public final class BallotsHash {

    private final MessageDigest digest;
    private boolean first = true;

    public BallotsHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update((byte) '[');
    }

    public BallotsHash add(String jws) {
        if (!first) {
            digest.update((byte) ',');
        }
        first = false;
        // One copy, no per-character calls: ISO-8859-1 is a plain copy for the Latin-1 strings a JWS is, and
        // turns anything beyond into '?', which the table refuses, so such a string takes the escaping path.
        byte[] bytes = jws.getBytes(StandardCharsets.ISO_8859_1);
        if (base64UrlAndDots(bytes)) {
            // Such a string needs no escaping: its canonical form is the characters in quotes.
            digest.update((byte) '"');
            digest.update(bytes);
            digest.update((byte) '"');
        } else {
            String array = CanonicalJson.writeSimple(List.of(jws)).orElseThrow();
            digest.update(array.substring(1, array.length() - 1).getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** The same for a JWS as the database holds it (UTF-8 bytes), without making a String of the common case. */
    public BallotsHash add(byte[] utf8) {
        if (!base64UrlAndDots(utf8)) {
            return add(new String(utf8, StandardCharsets.UTF_8));
        }
        if (!first) {
            digest.update((byte) ',');
        }
        first = false;
        digest.update((byte) '"');
        digest.update(utf8);
        digest.update((byte) '"');
        return this;
    }

    public String hex() {
        digest.update((byte) ']');
        return Hashes.hex(digest.digest());
    }

    private static final boolean[] BASE64URL_OR_DOT = new boolean[256];

    static {
        String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < allowed.length(); i++) {
            BASE64URL_OR_DOT[allowed.charAt(i)] = true;
        }
    }

    static boolean base64UrlAndDots(String s) {
        return base64UrlAndDots(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean base64UrlAndDots(byte[] latin1) {
        for (byte b : latin1) {
            if (!BASE64URL_OR_DOT[b & 0xff]) {
                return false;
            }
        }
        return true;
    }
}
