package io.copartner.economy.api;

import java.util.UUID;

/**
 * The ledger's audit entry ids are {@code long}s ({@code AuditReceipt.entryId()}); the economy's contract carries
 * them as UUIDs ({@link event.CommissionEarned#auditEntryId()}, {@link PeriodFigures.Figure#auditEntries()}). One
 * encoding for every capability: the id in the low 64 bits of a UUID whose high bits are zero.
 */
public final class AuditIds {

    private AuditIds() {
    }

    public static UUID of(long auditEntryId) {
        return new UUID(0L, auditEntryId);
    }

    public static long entryId(UUID id) {
        if (id.getMostSignificantBits() != 0L) {
            throw new IllegalArgumentException("not an audit entry id: " + id);
        }
        return id.getLeastSignificantBits();
    }
}
