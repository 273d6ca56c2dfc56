package io.copartner.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches the platform's parts: a part found dead is reported, then restarted after a back-off that doubles from
 * {@link Policy#firstBackoff()} up to {@link Policy#maxBackoff()}; after {@link Policy#maxRestarts()} restarts
 * that did not hold (the part died again within {@link Policy#stableAfter()}), or a restart that throws that many
 * times, it gives up and calls {@code onGiveUp} once, which stops everything. The logic is driven by {@link #check()}
 * and an injected clock, so it is unit-tested without processes or sleeps; {@link Platform} calls it on a timer.
 */
final class Supervisor {

    /** A part the supervisor can ask whether it is alive and restart (synchronously, until ready or failed). */
    interface Part {
        String name();

        /** False only for a part that died on its own; a part stopped on purpose answers true (it is not watched). */
        boolean alive();

        void restart();
    }

    record Policy(int maxRestarts, Duration firstBackoff, Duration maxBackoff, Duration stableAfter) {
        /** What `./copartner run` uses: 1, 2, 4, 8, 16 s; five restarts that do not hold for 2 minutes, then stop. */
        static Policy standard() {
            return new Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
        }

        Duration backoff(int attempt) {
            long ms = firstBackoff.toMillis() << Math.min(Math.max(attempt, 0), 20);
            return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
        }
    }

    /** Per part: restarts in the current run of failures, when it was last found dead, when next to try. */
    private static final class State {
        int restarts;
        long deadSince = -1;
        long nextAttempt;
        long upSince;
    }

    private final List<Part> parts;
    private final Policy policy;
    private final LongSupplier nanos;
    private final Consumer<String> report;
    private final Consumer<String> onGiveUp;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private volatile boolean gaveUp;

    Supervisor(List<Part> parts, Policy policy, LongSupplier nanos, Consumer<String> report,
               Consumer<String> onGiveUp) {
        this.parts = new ArrayList<>(parts);
        this.policy = policy;
        this.nanos = nanos;
        this.report = report;
        this.onGiveUp = onGiveUp;
        long now = nanos.getAsLong();
        for (Part p : parts) {
            State s = new State();
            s.upSince = now;
            states.put(p.name(), s);
        }
    }

    boolean gaveUp() {
        return gaveUp;
    }

    int restarts(String part) {
        return states.get(part).restarts;
    }

    /** One round: notice dead parts, restart those whose back-off has passed, give up past the bound. */
    synchronized void check() {
        for (Part p : parts) {
            if (gaveUp) {
                return;
            }
            State s = states.get(p.name());
            long now = nanos.getAsLong();
            if (p.alive()) {
                if (s.deadSince < 0 && s.restarts > 0 && now - s.upSince >= policy.stableAfter().toNanos()) {
                    s.restarts = 0; // it held: a later crash starts a fresh run of back-offs
                }
                continue;
            }
            if (s.deadSince < 0) {
                if (s.restarts >= policy.maxRestarts()) {
                    giveUp(p, s);
                    return;
                }
                s.deadSince = now;
                s.nextAttempt = now + policy.backoff(s.restarts).toNanos();
                report.accept(p.name() + " died; restart " + (s.restarts + 1) + " of " + policy.maxRestarts()
                    + " in " + policy.backoff(s.restarts).toMillis() + " ms");
            }
            if (now < s.nextAttempt) {
                continue;
            }
            s.restarts++;
            long t0 = nanos.getAsLong();
            try {
                p.restart();
                long diedAt = s.deadSince;
                s.deadSince = -1;
                s.upSince = nanos.getAsLong();
                report.accept(String.format("%s restarted in %.1f s (down %.1f s)", p.name(),
                    (s.upSince - t0) / 1e9, (s.upSince - diedAt) / 1e9));
            } catch (RuntimeException e) {
                report.accept(p.name() + " restart " + s.restarts + " failed: " + e.getMessage());
                if (s.restarts >= policy.maxRestarts()) {
                    giveUp(p, s);
                    return;
                }
                s.nextAttempt = nanos.getAsLong() + policy.backoff(s.restarts).toNanos();
            }
        }
    }

    private void giveUp(Part p, State s) {
        gaveUp = true;
        onGiveUp.accept(p.name() + " keeps dying: gave up after " + s.restarts + " restarts; stopping everything");
    }
}
