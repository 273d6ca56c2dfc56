package io.copartner.economy.settlement;

import io.copartner.governance.api.SettlementCalendar;
import io.copartner.governance.api.SettlementPeriod;
import io.copartner.kernel.event.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the current period's row and moves due periods through their close, one locked step per transaction (see
 * {@link PeriodClose}); several instances share the work and each step happens once.
 */
@ApplicationScoped
public class SettlementScheduler {

    private static final Logger LOG = Logger.getLogger(SettlementScheduler.class.getName());
    static final int MAX_STEPS_PER_TICK = 500;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    PeriodClose close;

    @Inject
    SettlementStore store;

    @Inject
    SettlementCalendar calendar;

    @Inject
    @ConfigProperty(name = "copartner.settlement.scheduler-millis", defaultValue = "1000")
    long millis;

    private ScheduledFuture<?> task;

    void onStart(@Observes PlatformStarted started) {
        close.checkPayBatch(); // a bad batch fails the start-up with its reason, not every tick
        task = executor.scheduleWithFixedDelay(this::tick, 1000, millis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            Instant now = Instant.now();
            SettlementPeriod current = calendar.periodAt(now);
            store.ensurePeriod(current.start(), current.end());
            int steps = 0;
            while (steps < MAX_STEPS_PER_TICK && close.allocateNext(now)) {
                steps++;
            }
            while (steps < MAX_STEPS_PER_TICK && close.allocateNextChunk()) {
                steps++;
            }
            while (steps < MAX_STEPS_PER_TICK && close.payNextBatch(now)) {
                steps++;
            }
            while (steps < MAX_STEPS_PER_TICK && close.settleNext(now)) {
                steps++;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "settlement tick failed; retrying on the next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
