package io.copartner.ledger.domain;

import io.copartner.ledger.api.EntryKind;
import io.copartner.ledger.api.PostingLine;
import java.util.List;
import java.util.UUID;

/**
 * An entry as asked for, with every rule checked that needs no stored state ({@link EntryRules#draft}): the request
 * reshaped once. A reversal, and only a reversal, names the entry it reverses, so the kind follows from
 * {@code reverses}.
 */
public record EntryDraft(UUID reverses, String memo, List<PostingLine> lines, String postedBy) {

    public EntryDraft {
        lines = List.copyOf(lines);
    }

    public EntryKind kind() {
        return reverses == null ? EntryKind.STANDARD : EntryKind.REVERSAL;
    }

    /** The accounts the lines name, in line order (distinct: the shape rules allow one line per account). */
    public List<UUID> accountIds() {
        return lines.stream().map(PostingLine::accountId).toList();
    }
}
