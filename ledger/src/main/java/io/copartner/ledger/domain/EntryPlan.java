package io.copartner.ledger.domain;

import io.copartner.ledger.api.PostingLine;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A checked entry: its lines as requested and the balance change of each account, in ascending account id order.
 * Balances are always moved (and their rows locked) in that one order, so two entries never wait on each other
 * in a cycle.
 */
public record EntryPlan(String memo, List<PostingLine> lines, SortedMap<UUID, Long> deltas) {

    public EntryPlan {
        lines = List.copyOf(lines);
        deltas = Collections.unmodifiableSortedMap(new TreeMap<>(deltas));
    }
}
