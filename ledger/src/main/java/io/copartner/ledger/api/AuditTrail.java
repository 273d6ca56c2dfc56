package io.copartner.ledger.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records a state change that matters in the tamper-evident audit log, in the caller's transaction: the
 * entry commits or rolls back with the change it records. The leaf index is assigned moments later by the
 * log's sequencer; {@link AuditReceipt#entryId()} finds it.
 *
 * <p>Payload values must be JSON-representable (String, Boolean, Integer/Long within ±2^53, List, Map). Put
 * money and other large integers as strings: RFC 8785 numbers are IEEE doubles. Never put personal data in
 * a payload; put a salted hash of it.
 */
public interface AuditTrail {

    /** Records the entry at the current time. */
    AuditReceipt record(String type, String subject, Map<String, ?> payload);

    /**
     * Records the entry at {@code time} (kept to the microsecond): the instant of the caller's transaction, so the
     * audit entry and the change it records carry the same time.
     */
    AuditReceipt record(String type, String subject, Instant time, Map<String, ?> payload);

    /**
     * Records one entry per payload, all of one type and subject at {@code time}, in one batch: the same entries,
     * byte for byte, as {@link #record(String, String, Instant, Map)} called for each in order (ids ascending in
     * that order). For steps that record thousands of entries (a period close's payouts). The default records them one
     * by one; the platform's implementation writes them in one batch.
     */
    default List<AuditReceipt> recordAll(String type, String subject, Instant time,
                                         List<? extends Map<String, ?>> payloads) {
        return payloads.stream().map(p -> record(type, subject, time, p)).toList();
    }
}
