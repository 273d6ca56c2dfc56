package io.copartner.ledger.domain;

import io.copartner.kernel.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * Who may own an account: a party id {@code party:<id>} (for a signed-in user {@code party:<token subject>}, for
 * the platform {@code party:platform}) or a DID (W3C DID Core syntax), at most 300 characters.
 */
public final class Owners {

    public static final String PLATFORM = "party:platform";

    private static final Pattern PARTY = Pattern.compile("party:[A-Za-z0-9._~@-][A-Za-z0-9._~@:-]*");
    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2}|:)*"
        + "(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})");

    private Owners() {
    }

    public static boolean isValid(String owner) {
        return owner != null && owner.length() <= 300
            && (PARTY.matcher(owner).matches() || DID.matcher(owner).matches());
    }

    public static void requireValid(String owner) {
        if (!isValid(owner)) {
            throw ProblemException.badRequest("owner must be a party id (party:<id>) or a DID, at most 300 characters");
        }
    }
}
