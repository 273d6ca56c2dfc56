package io.copartner.governance.domain;

import io.copartner.governance.api.SettlementPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Contiguous periods of one ISO 8601 length from an origin: a time length ({@code P7D}, {@code PT1H}) by arithmetic,
 * a calendar length ({@code P1M}, {@code P1Y}) by UTC calendar steps. Instants before the origin have periods too.
 */
public final class SettlementPeriods {

    private final Instant origin;
    private final Duration fixed;
    private final Period calendar;

    public SettlementPeriods(String length, Instant origin) {
        this.origin = origin;
        Duration d = null;
        Period p = null;
        try {
            d = Duration.parse(length);
        } catch (DateTimeParseException e) {
            p = Period.parse(length);
            if (p.getYears() == 0 && p.getMonths() == 0) {
                d = Duration.ofDays(p.getDays());
                p = null;
            }
        }
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("a settlement period must be positive: " + length);
        }
        if (p != null && (p.isNegative() || p.getDays() != 0 && (p.getYears() != 0 || p.getMonths() != 0))) {
            throw new IllegalArgumentException("a calendar settlement period is whole months or years: " + length);
        }
        this.fixed = d;
        this.calendar = p;
    }

    public SettlementPeriod periodAt(Instant instant) {
        if (fixed != null) {
            long length = fixed.toNanos() / 1000;
            long since = ChronoUnit.MICROS.between(origin, instant);
            long index = Math.floorDiv(since, length);
            Instant start = origin.plus(index * length, ChronoUnit.MICROS);
            return new SettlementPeriod(start, start.plus(length, ChronoUnit.MICROS));
        }
        long months = calendar.toTotalMonths();
        ZonedDateTime o = origin.atZone(ZoneOffset.UTC);
        long index = Math.floorDiv(ChronoUnit.MONTHS.between(o, instant.atZone(ZoneOffset.UTC)), months);
        // MONTHS.between truncates towards zero before the origin: step back until the period holds the instant.
        while (o.plusMonths(index * months).toInstant().isAfter(instant)) {
            index--;
        }
        while (!o.plusMonths((index + 1) * months).toInstant().isAfter(instant)) {
            index++;
        }
        return new SettlementPeriod(o.plusMonths(index * months).toInstant(),
            o.plusMonths((index + 1) * months).toInstant());
    }
}
