package io.copartner.governance.api;

import java.time.Instant;

/** One settlement period, {@code [start, end)}. */
public record SettlementPeriod(Instant start, Instant end) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
