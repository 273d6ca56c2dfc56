package io.copartner.commerce.service;

import io.copartner.commerce.domain.Order;
import io.copartner.commerce.persistence.OrderStore;
import io.copartner.kernel.event.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves orders on time: a shipped order past its auto-confirm time becomes DELIVERED, a delivered one past its return
 * window COMPLETED (escrow released). Each due order is locked {@code FOR UPDATE SKIP LOCKED} and moved in its own
 * transaction, so with several instances each step happens exactly once; after a restart the due ones catch up.
 */
@ApplicationScoped
public class OrderScheduler {

    private static final Logger LOG = Logger.getLogger(OrderScheduler.class.getName());
    static final int MAX_PER_TICK = 200;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Ticks ticks;

    @Inject
    @ConfigProperty(name = "copartner.commerce.scheduler-millis", defaultValue = "1000")
    long millis;

    private ScheduledFuture<?> task;

    void onStart(@Observes PlatformStarted started) {
        task = executor.scheduleWithFixedDelay(this::tick, 1000, millis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            for (int i = 0; i < MAX_PER_TICK && ticks.advanceNext(); i++) {
                // one due order per transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "order scheduler tick failed; retrying on the next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One transaction per due order. */
    @ApplicationScoped
    public static class Ticks {

        @Inject
        OrderStore store;

        @Inject
        OrderService orders;

        @Inject
        CommerceClock clock;

        /** Moves one due order; false when none is due (or every due one is held by another instance). */
        @Transactional
        public boolean advanceNext() {
            Optional<Order> due = store.lockNextDue(clock.now());
            due.ifPresent(orders::advanceDue);
            return due.isPresent();
        }
    }
}
