package io.copartner.kernel.id;

import io.copartner.kernel.problem.ProblemException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who owns an account or acts on the platform: {@code party:<local>}. For a signed-in user the local part is the
 * token's {@code sub} (Keycloak's user id), for the platform itself {@link #PLATFORM} ({@code party:platform}).
 *
 * <p>Why one type: the audit log, the ledger's owners and {@code posted_by}, and every module to come compare these
 * ids as strings, so there must be exactly one spelling per party. The local part is 1..{@value #MAX_LOCAL_LENGTH}
 * characters of {@code A-Z a-z 0-9 . _ ~ @ : -} (the unreserved URI characters plus {@code @} and {@code :}),
 * not starting with {@code :}; no whitespace or control characters can get in.
 */
public record PartyId(String value) {

    public static final String PREFIX = "party:";
    /** Room for a UUID subject and more, and the whole id fits the 300-character owner columns. */
    public static final int MAX_LOCAL_LENGTH = 200;
    // Before PLATFORM: the constructor needs it during class initialisation.
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9._~@-][A-Za-z0-9._~@:-]{0," + (MAX_LOCAL_LENGTH - 1) + "}");
    public static final PartyId PLATFORM = new PartyId(PREFIX + "platform");

    public PartyId {
        Objects.requireNonNull(value, "value must not be null");
        if (!value.startsWith(PREFIX) || !LOCAL.matcher(value.substring(PREFIX.length())).matches()) {
            throw new IllegalArgumentException("a party id is party:<1.." + MAX_LOCAL_LENGTH
                + " of A-Z a-z 0-9 . _ ~ @ : -> but was '" + printable(value) + "'");
        }
    }

    /** The party whose local id (for a user: the token subject) this is. */
    public static PartyId of(String localId) {
        Objects.requireNonNull(localId, "localId must not be null");
        return new PartyId(PREFIX + localId);
    }

    /** The party of a canonical text {@code party:<local>}; {@link IllegalArgumentException} if it is not one. */
    public static PartyId parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return new PartyId(text);
    }

    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@link #parse(String)} at the edge: a client's bad id is a 400 {@code validation} problem naming the field. */
    public static PartyId require(String text, String field) {
        if (text == null) {
            throw ProblemException.badRequest(field + " is required: a party id party:<id>");
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + ": " + e.getMessage());
        }
    }

    /** The local part: for a user, the token subject. */
    public String local() {
        return value.substring(PREFIX.length());
    }

    @Override
    public String toString() {
        return value;
    }

    /** Bad input is echoed in messages; keep it short and free of control characters. */
    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
