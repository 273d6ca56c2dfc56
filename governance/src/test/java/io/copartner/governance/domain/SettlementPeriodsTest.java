package io.copartner.governance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.governance.api.SettlementPeriod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettlementPeriodsTest {

    static final Instant ORIGIN = Instant.parse("1970-01-05T00:00:00Z");

    @Test
    void weeksFromAMonday() {
        SettlementPeriods weeks = new SettlementPeriods("P7D", ORIGIN);
        // 2026-11-30 is a Monday.
        SettlementPeriod p = weeks.periodAt(Instant.parse("2026-12-02T10:00:00Z"));
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-12-07T00:00:00Z"), p.end());
    }

    @Test
    void boundariesBelongToThePeriodTheyStart() {
        SettlementPeriods weeks = new SettlementPeriods("P7D", ORIGIN);
        Instant monday = Instant.parse("2026-12-07T00:00:00Z");
        assertEquals(monday, weeks.periodAt(monday).start());
        assertEquals(monday, weeks.periodAt(monday.minusNanos(1000)).end());
        assertEquals(monday, weeks.periodAt(monday.minusNanos(1000)).end(), "contiguous");
        assertEquals(weeks.periodAt(monday).start(), weeks.periodAt(monday.minusSeconds(1)).end());
    }

    @Test
    void beforeTheOrigin() {
        SettlementPeriods weeks = new SettlementPeriods("P7D", ORIGIN);
        SettlementPeriod p = weeks.periodAt(Instant.parse("1970-01-01T00:00:00Z"));
        assertEquals(Instant.parse("1969-12-29T00:00:00Z"), p.start());
        assertEquals(ORIGIN, p.end());
    }

    @Test
    void shortPeriodsForTests() {
        SettlementPeriods tens = new SettlementPeriods("PT10S", Instant.EPOCH);
        SettlementPeriod p = tens.periodAt(Instant.parse("2026-12-02T10:00:05.5Z"));
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-12-02T10:00:10Z"), p.end());
    }

    @Test
    void calendarMonths() {
        SettlementPeriods months = new SettlementPeriods("P1M", Instant.parse("2026-01-01T00:00:00Z"));
        SettlementPeriod p = months.periodAt(Instant.parse("2026-02-28T23:59:59Z"));
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), p.end());
        SettlementPeriod before = months.periodAt(Instant.parse("2025-12-15T00:00:00Z"));
        assertEquals(Instant.parse("2025-12-01T00:00:00Z"), before.start());
    }

    @Test
    void aPeriodMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SettlementPeriods("PT0S", ORIGIN));
        assertThrows(RuntimeException.class, () -> new SettlementPeriods("weekly", ORIGIN));
    }
}
