package io.copartner.identity.domain;

import io.copartner.kernel.problem.ProblemException;

/**
 * A merchant's life cycle. PENDING until an admin verifies it (a MerchantVerification credential is issued);
 * a PENDING or VERIFIED merchant can be suspended (sign-in disabled, credential revoked, writes refused); a
 * SUSPENDED merchant can be reinstated (a fresh credential, VERIFIED again).
 */
public enum MerchantStatus {
    PENDING, VERIFIED, SUSPENDED;

    public enum Action { VERIFY, SUSPEND, REINSTATE }

    /** The status after {@code action}, or a 409 problem if the action does not apply to this status. */
    public MerchantStatus after(Action action) {
        MerchantStatus next = switch (action) {
            case VERIFY -> this == PENDING ? VERIFIED : null;
            case SUSPEND -> this == PENDING || this == VERIFIED ? SUSPENDED : null;
            case REINSTATE -> this == SUSPENDED ? VERIFIED : null;
        };
        if (next == null) {
            throw ProblemException.conflict("A " + this + " merchant cannot be " + past(action) + ".");
        }
        return next;
    }

    public boolean allows(Action action) {
        try {
            after(action);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    /** Whether the merchant's own writes are accepted. */
    public boolean writesAllowed() {
        return this != SUSPENDED;
    }

    private static String past(Action action) {
        return switch (action) {
            case VERIFY -> "verified";
            case SUSPEND -> "suspended";
            case REINSTATE -> "reinstated";
        };
    }
}
