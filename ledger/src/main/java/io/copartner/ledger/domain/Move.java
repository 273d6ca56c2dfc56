package io.copartner.ledger.domain;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.util.UUID;

/**
 * One account's balance change in a plan, with the range its balance must lie in before the move for the move to be
 * allowed ({@link BalanceRule}). The repository's guarded UPDATE applies exactly this range to the locked row
 * ({@code balance between lowest and highest}); the range is chosen so that {@code balance + delta} can never
 * overflow a 64-bit integer, in Java or in SQL.
 */
public record Move(UUID accountId, long delta, boolean nonNegative, long lowest, long highest) {

    public boolean permits(long balance) {
        return lowest <= balance && balance <= highest;
    }

    /** The problem to answer when the balance was outside the range (the whole entry is rolled back). */
    public ProblemException refusal() {
        if (delta < 0 && nonNegative) {
            return new ProblemException(Problem.of(ProblemType.INSUFFICIENT_FUNDS, "account " + accountId
                    + " may not go below zero; the entry was not posted")
                .withExtension("accountId", accountId.toString()));
        }
        return new ProblemException(Problem.of(ProblemType.VALIDATION, "account " + accountId
                + ": the balance would leave the range of a 64-bit integer; the entry was not posted")
            .withExtension("accountId", accountId.toString()));
    }
}
