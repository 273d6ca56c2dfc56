package io.copartner.ledger.domain;

import io.copartner.kernel.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque statement cursor: base64url of {@code s1:<posting seq>}. Clients must not build or parse it; the
 * version prefix lets its content change later.
 */
public final class StatementCursor {

    private static final String PREFIX = "s1:";

    private StatementCursor() {
    }

    public static String encode(long afterSeq) {
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((PREFIX + afterSeq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The posting seq to continue after; 0 (the beginning) for a null or empty cursor. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq < 0) {
                throw new IllegalArgumentException(text);
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("cursor is not a cursor this API returned");
        }
    }
}
