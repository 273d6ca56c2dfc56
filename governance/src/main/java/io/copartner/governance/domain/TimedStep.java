package io.copartner.governance.domain;

/** A transition that time alone makes due (the scheduler's work). */
public enum TimedStep {
    /** PENDING at votingStartsAt: open voting (freeze the weight snapshot). */
    START_VOTING,
    /** ACTIVE at votingEndsAt: finalize the tally, then SUCCEEDED or DEFEATED. */
    END_VOTING,
    /** QUEUED at eta, when the scheduler executes. */
    EXECUTE,
    /** QUEUED at eta + grace without execution. */
    EXPIRE
}
