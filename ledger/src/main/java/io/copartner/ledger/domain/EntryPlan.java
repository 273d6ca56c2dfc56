package io.copartner.ledger.domain;

import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostingLine;
import java.util.List;
import java.util.UUID;

/**
 * A checked entry, ready to write: its id, the draft, and one guarded {@link Move} per account in ascending account
 * id order. Balances are always moved (and their rows locked) in that one order, so two entries never wait on each
 * other in a cycle. The repository executes it as it is; it re-derives no rule.
 */
public record EntryPlan(UUID id, EntryDraft draft, List<Move> moves) {

    public EntryPlan {
        moves = List.copyOf(moves);
    }

    public EntryKind kind() {
        return draft.kind();
    }

    public UUID reverses() {
        return draft.reverses();
    }

    public String memo() {
        return draft.memo();
    }

    public String postedBy() {
        return draft.postedBy();
    }

    public List<PostingLine> lines() {
        return draft.lines();
    }

    public Move move(UUID accountId) {
        return moves.stream().filter(m -> m.accountId().equals(accountId)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no move of account " + accountId));
    }
}
