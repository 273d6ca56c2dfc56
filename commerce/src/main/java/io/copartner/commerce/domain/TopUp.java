package io.copartner.commerce.domain;

import io.copartner.kernel.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;

/** A top-up: PENDING until its provider's verified event completes it, once. */
public record TopUp(UUID id, String owner, String asset, long amount, String provider, String status,
                    Instant createdAt, Instant completedAt, String providerEventId, UUID ledgerEntryId,
                    long auditEntryId) {

    public static final String PENDING = "PENDING";
    public static final String COMPLETED = "COMPLETED";

    public static final long MAX_AMOUNT = 100_000_000_000L;

    /**
     * Checks that a provider's event may complete this top-up: still PENDING (a completed one is never credited
     * again, whatever the event id), and the event's currency and amount are the top-up's.
     */
    public void requireCompletableBy(String eventCurrency, long eventAmount) {
        if (!PENDING.equals(status)) {
            throw ProblemException.conflict("top-up " + id + " is already " + status);
        }
        if (!asset.equals(eventCurrency) || amount != eventAmount) {
            throw ProblemException.badRequest("the event's amount or currency is not the top-up's");
        }
    }
}
