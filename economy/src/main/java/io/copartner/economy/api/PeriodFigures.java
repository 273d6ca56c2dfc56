package io.copartner.economy.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
     * One figure: a decimal-integer string in minor units (or a count), and the audit entry ids whose payloads sum
     * (or count) to it, so a reader recomputes it from the log.
     */
    record Figure(String value, List<UUID> auditEntries) {
        public Figure {
            auditEntries = List.copyOf(auditEntries);
        }

        /**
         * Audit entry ids are {@code long}s ({@code ledger.api.AuditReceipt#entryId}): this carries them as UUIDs
         * with zero high bits, which {@link #entryIds()} reads back (what the report resolves to leaf indexes).
         */
        public static Figure ofEntries(String value, List<Long> entryIds) {
            return new Figure(value, entryIds.stream().map(id -> new UUID(0L, id)).toList());
        }

        /** The audit entry ids carried as {@link #ofEntries}; other UUIDs are not audit entry ids and are dropped. */
        public List<Long> entryIds() {
            return auditEntries.stream().filter(u -> u.getMostSignificantBits() == 0L)
                .map(UUID::getLeastSignificantBits).toList();
        }
    }
}
