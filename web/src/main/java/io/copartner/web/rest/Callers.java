package io.copartner.web.rest;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the caller is: its {@link PartyId} (for every owner and actor recorded), and for the ledger's access rules. Admins and auditors read every account; partners and merchants
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
            ids.add(actor(token).value());
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

    /**
     * The caller's party id {@code party:<token sub>}: the one form every module records as owner and actor. A token
     * whose subject cannot be a party id is refused (401) rather than recorded under some other spelling.
     */
    /** The signed-in caller of a request (401 without a bearer token). */
    static PartyId actor(jakarta.ws.rs.core.SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw ProblemException.unauthorized("a bearer token is required");
        }
        return actor(token);
    }

    static PartyId actor(JsonWebToken token) {
        String subject = token.getSubject();
        try {
            return PartyId.of(subject == null ? "" : subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("the token's subject is not a valid party id");
        }
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
