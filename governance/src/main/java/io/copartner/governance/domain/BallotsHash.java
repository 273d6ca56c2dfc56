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
        if (base64UrlAndDots(jws)) {
            // Such a string needs no escaping: its canonical form is the characters in quotes.
            digest.update((byte) '"');
            digest.update(jws.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '"');
        } else {
            String array = CanonicalJson.writeSimple(List.of(jws)).orElseThrow();
            digest.update(array.substring(1, array.length() - 1).getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    public String hex() {
        digest.update((byte) ']');
        return Hashes.hex(digest.digest());
    }

    static boolean base64UrlAndDots(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
