package io.copartner.economy.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a capability contributes to a settlement period's transparency report (issue 12 item 6): figures keyed by
 * the JSON pointer they take in the report (e.g. {@code /commissions/earned}, {@code /points/ACME/issued}), each with
 * the audit entries that prove it. The report collects every {@code PeriodFigures} bean; a pointer is owned by
 * exactly one capability.
 */
public interface PeriodFigures {

    /** The figures of {@code [start, end)}, read from committed data only. */
    Map<String, Figure> figures(Instant start, Instant end);

    /**
     * One figure: a decimal-integer string in minor units (or a count), and the ids of the audit entries
     * ({@code ledger.api.AuditReceipt#entryId}) whose payloads sum (or count) to it, so a reader recomputes it from
     * the log; the report turns them into leaf indexes. Figures citing the same entries should share one
     * {@link EntryIds} (kept as it is, not copied): the report stores each distinct set once.
     */
    record Figure(String value, List<Long> auditEntries) {
        public Figure {
            auditEntries = auditEntries instanceof EntryIds ? auditEntries : List.copyOf(auditEntries);
        }
    }
}
