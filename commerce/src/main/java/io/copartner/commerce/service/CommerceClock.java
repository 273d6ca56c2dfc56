package io.copartner.commerce.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The module's one clock: every service asks it, so a test sets a fixed or stepping {@link Clock} in one place.
 * Truncated to microseconds, PostgreSQL's precision, so an instant reads back as it was written.
 */
@ApplicationScoped
public class CommerceClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** For tests. */
    public void set(Clock clock) {
        this.clock = clock;
    }
}
