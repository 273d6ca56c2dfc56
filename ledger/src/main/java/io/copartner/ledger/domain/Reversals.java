package io.copartner.ledger.domain;

import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostingLine;
import java.util.List;
import java.util.UUID;

/**
 * Corrections: an entry is never changed; it is reversed by a new entry with the same postings of opposite sign
 * that references it. An entry is reversed at most once, and a reversal is not itself reversed (to redo a
 * reversed movement, post it again as a new entry).
 */
public final class Reversals {

    private Reversals() {
    }

    /** Throws a {@code conflict} problem when {@code original} may not be reversed. */
    public static void check(JournalEntry original, UUID alreadyReversedBy) {
        if (original.kind() == EntryKind.REVERSAL) {
            throw ProblemException.conflict("entry " + original.id() + " is itself a reversal and cannot be reversed");
        }
        if (alreadyReversedBy != null) {
            throw ProblemException.conflict("entry " + original.id() + " was already reversed by " + alreadyReversedBy);
        }
    }

    /** The reversal's lines: the original's, in the same order, with the opposite sign. */
    public static List<PostingLine> linesOf(List<Posting> original) {
        return original.stream()
            .map(p -> new PostingLine(p.accountId(), p.asset(), Math.negateExact(p.amount())))
            .toList();
    }
}
