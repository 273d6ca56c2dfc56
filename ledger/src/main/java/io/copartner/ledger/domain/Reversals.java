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

    /**
     * The reversal of an entry as a draft: the original's lines in the same order with the opposite sign. Throws a
     * {@code conflict} problem when the original may not be reversed.
     *
     * @param alreadyReversedBy the entry that reversed the original, null if none
     * @param memo the reversal's memo; null for {@code Reversal of <id>}
     */
    public static EntryDraft draft(UUID originalId, EntryKind originalKind, UUID alreadyReversedBy,
                                   List<PostingLine> originalLines, String memo, String postedBy) {
        if (originalKind == EntryKind.REVERSAL) {
            throw ProblemException.conflict("entry " + originalId + " is itself a reversal and cannot be reversed");
        }
        if (alreadyReversedBy != null) {
            throw ProblemException.conflict("entry " + originalId + " was already reversed by " + alreadyReversedBy);
        }
        List<PostingLine> lines = originalLines.stream()
            .map(p -> new PostingLine(p.accountId(), p.asset(), Math.negateExact(p.amount())))
            .toList();
        return EntryRules.draft(originalId, memo == null ? "Reversal of " + originalId : memo, lines, postedBy);
    }
}
