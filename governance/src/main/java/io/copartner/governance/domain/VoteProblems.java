package io.copartner.governance.domain;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;

/** The refusals of ballots and delegation statements, one problem type each (status codes as pinned in issue 9). */
public final class VoteProblems {

    private VoteProblems() {
    }

    public static ProblemException invalidBallot(String detail) {
        return of(ProblemType.BALLOT_INVALID, detail);
    }

    public static ProblemException invalidDelegation(String detail) {
        return of(ProblemType.DELEGATION_INVALID, detail);
    }

    public static ProblemException staleStatement(String detail) {
        return of(ProblemType.STATEMENT_STALE, detail);
    }

    public static ProblemException badSignature(String detail) {
        return of(ProblemType.SIGNATURE_INVALID, detail);
    }

    public static ProblemException signerMismatch(String detail) {
        return of(ProblemType.SIGNER_MISMATCH, detail);
    }

    public static ProblemException notEligible(String detail) {
        return of(ProblemType.NOT_ELIGIBLE, detail);
    }

    public static ProblemException conflictOfInterest(String detail) {
        return of(ProblemType.CONFLICT_OF_INTEREST, detail);
    }

    public static ProblemException votingClosed(String detail) {
        return of(ProblemType.VOTING_CLOSED, detail);
    }

    public static ProblemException nonceReplayed(String detail) {
        return of(ProblemType.NONCE_REPLAYED, detail);
    }

    private static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(Problem.of(type, detail));
    }
}
