package io.copartner.governance.domain;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;

/**
 * A proposal's life cycle, as OpenZeppelin Governor's: PENDING (voting delay) → ACTIVE (voting period) → SUCCEEDED or
 * DEFEATED at the end of voting; SUCCEEDED → QUEUED (timelock) → EXECUTED, or EXPIRED once the grace period after the
 * eta has passed. The author or an admin cancels any proposal not yet decided for good (PENDING, ACTIVE, SUCCEEDED,
 * QUEUED).
 */
public enum ProposalState {
    PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXECUTED, EXPIRED;

    public enum Action { START, PASS, FAIL, QUEUE, EXECUTE, EXPIRE, CANCEL }

    /** The state after {@code action}, or a 409 problem if the action does not apply to this state. */
    public ProposalState after(Action action) {
        ProposalState next = switch (action) {
            case START -> this == PENDING ? ACTIVE : null;
            case PASS -> this == ACTIVE ? SUCCEEDED : null;
            case FAIL -> this == ACTIVE ? DEFEATED : null;
            case QUEUE -> this == SUCCEEDED ? QUEUED : null;
            case EXECUTE, EXPIRE -> this == QUEUED ? (action == Action.EXECUTE ? EXECUTED : EXPIRED) : null;
            case CANCEL -> this == PENDING || this == ACTIVE || this == SUCCEEDED || this == QUEUED ? CANCELED : null;
        };
        if (next == null) {
            throw ProblemException.of(ProblemType.PROPOSAL_STATE, "A " + this + " proposal cannot be " + past(action) + ".");
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

    /** No transition leaves this state. */
    public boolean isFinal() {
        return this == CANCELED || this == DEFEATED || this == EXECUTED || this == EXPIRED;
    }

    private static String past(Action action) {
        return switch (action) {
            case START -> "started";
            case PASS, FAIL -> "decided";
            case QUEUE -> "queued";
            case EXECUTE -> "executed";
            case EXPIRE -> "expired";
            case CANCEL -> "canceled";
        };
    }
}
