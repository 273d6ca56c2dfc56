package io.copartner.web.rest;

import io.copartner.kernel.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the caller is for the ledger's access rules. Admins and auditors read every account; partners and merchants
 * read the accounts they own: an account's owner is the caller's party id {@code party:<token sub>} or the DID in
 * the token's {@code did} claim.
 */
final class Callers {

    private Callers() {
    }

    static boolean readsEverything(JsonWebToken token) {
        return token.getGroups().contains("admin") || token.getGroups().contains("auditor");
    }

    /** The owner ids that denote the caller. */
    static Set<String> identities(JsonWebToken token) {
        Set<String> ids = new LinkedHashSet<>();
        if (token.getSubject() != null) {
            ids.add("party:" + token.getSubject());
        }
        Object did = token.getClaim("did");
        if (did != null && !did.toString().isBlank()) {
            ids.add(did.toString());
        }
        return ids;
    }

    static boolean mayRead(JsonWebToken token, String owner) {
        return readsEverything(token) || identities(token).contains(owner);
    }

    /** The token subject, recorded as who posted an entry. */
    static String actor(JsonWebToken token) {
        return "party:" + token.getSubject();
    }

    /** An RFC 3339 timestamp ({@code 2026-11-25T10:00:00Z} or with an offset); null stays null. */
    static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.malformed(name + " must be an RFC 3339 timestamp such as 2026-11-25T10:00:00Z");
        }
    }
}
