package io.copartner.economy.points;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The points capability's clock (expiry, quotes): one place for a test to set a fixed or stepping clock. */
@ApplicationScoped
public class PointsClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** For tests. */
    public void set(Clock clock) {
        this.clock = clock;
    }
}
