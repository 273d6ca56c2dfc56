package io.copartner.ledger.domain;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * Who may own an account: a party id ({@link PartyId}: {@code party:<token subject>} for a signed-in user,
 * {@code party:platform} for the platform) or a DID (W3C DID Core syntax), at most 300 characters.
 */
public final class Owners {

    public static final String PLATFORM = PartyId.PLATFORM.value();

    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2}|:)*"
        + "(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})");

    private Owners() {
    }

    public static boolean isValid(String owner) {
        return owner != null && owner.length() <= 300
            && (PartyId.isValid(owner) || DID.matcher(owner).matches());
    }

    public static void requireValid(String owner) {
        if (!isValid(owner)) {
            throw ProblemException.badRequest("owner must be a party id (party:<id>) or a DID, at most 300 characters");
        }
    }
}
