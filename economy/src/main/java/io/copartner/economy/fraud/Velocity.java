package io.copartner.economy.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A sliding-window velocity limit: at most {@code limit} events per window. The answer is 0 (allowed) or the
 * seconds until the oldest event in the window leaves it (for {@code Retry-After}, at least 1).
 */
public final class Velocity {

    private Velocity() {
    }

    public static long retryAfter(List<Instant> inWindow, int limit, Duration window, Instant now) {
        if (inWindow.size() < limit) {
            return 0;
        }
        Instant oldest = inWindow.get(inWindow.size() - limit);
        long seconds = Duration.between(now, oldest.plus(window)).toSeconds() + 1;
        return Math.max(1, seconds);
    }
}
