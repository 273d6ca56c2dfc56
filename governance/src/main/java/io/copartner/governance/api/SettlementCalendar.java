package io.copartner.governance.api;

import java.time.Instant;

/**
 * Contiguous settlement periods of {@code COPARTNER_SETTLEMENT_PERIOD} (ISO 8601, default P7D) counted from
 * {@code COPARTNER_SETTLEMENT_ORIGIN} (default 1970-01-05T00:00:00Z, a Monday), so commerce and the economy agree
 * on period boundaries without pointing back at governance internals.
 */
public interface SettlementCalendar {

    /** The period containing {@code instant}. */
    SettlementPeriod periodAt(Instant instant);

    /** The start of the period after the one containing {@code instant}. */
    default Instant nextPeriodStart(Instant instant) {
        return periodAt(instant).end();
    }
}
