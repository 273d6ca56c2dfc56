package io.copartner.economy.points;

import io.copartner.kernel.event.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The expiry job: every due lot is locked {@code FOR UPDATE SKIP LOCKED} and expired in its own transaction, so with
 * several instances each lot expires exactly once; after a downtime the due ones catch up.
 */
@ApplicationScoped
public class PointsExpiry {

    private static final Logger LOG = Logger.getLogger(PointsExpiry.class.getName());
    static final int MAX_PER_TICK = 500;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Ticks ticks;

    @Inject
    @ConfigProperty(name = "copartner.points.expiry-millis", defaultValue = "10000")
    long millis;

    private ScheduledFuture<?> task;

    void onStart(@Observes PlatformStarted started) {
        task = executor.scheduleWithFixedDelay(this::tick, 2000, millis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            for (int i = 0; i < MAX_PER_TICK && ticks.expireNext(); i++) {
                // one lot per transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "points expiry tick failed; retrying on the next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One transaction per due lot. */
    @ApplicationScoped
    public static class Ticks {

        @Inject
        PointsService points;

        @Transactional
        public boolean expireNext() {
            return points.expireNext();
        }
    }
}
