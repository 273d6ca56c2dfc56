package io.copartner.governance.service;

import io.copartner.governance.domain.Proposal;
import io.copartner.governance.persistence.ProposalRepository;
import io.copartner.kernel.event.PlatformStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves proposals on time: every tick, each due proposal is locked with {@code FOR UPDATE SKIP LOCKED} and advanced
 * in its own transaction, so with several instances each transition happens exactly once, and after a restart the
 * due ones (stored {@code next_due_at}) are caught up in order.
 */
@ApplicationScoped
public class GovernanceScheduler {

    private static final Logger LOG = Logger.getLogger(GovernanceScheduler.class.getName());
    static final int MAX_PER_TICK = 200;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Ticks ticks;

    @Inject
    @ConfigProperty(name = "copartner.governance.scheduler-millis", defaultValue = "500")
    long millis;

    private ScheduledFuture<?> task;

    void onStart(@Observes PlatformStarted started) {
        task = executor.scheduleWithFixedDelay(this::tick, 1000, millis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            for (int i = 0; i < MAX_PER_TICK && ticks.advanceNext(); i++) {
                // one due proposal per transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "governance scheduler tick failed; retrying on the next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One transaction per due proposal. */
    @ApplicationScoped
    public static class Ticks {

        @Inject
        ProposalRepository proposals;

        @Inject
        ProposalLifecycle lifecycle;

        @Inject
        GovernanceClock clock;

        /** Advances one due proposal; false when none is due (or all due ones are held by others). */
        @Transactional
        public boolean advanceNext() {
            Instant now = clock.now();
            Optional<Proposal> due = proposals.lockNextDue(now);
            due.ifPresent(p -> lifecycle.advance(p, now));
            return due.isPresent();
        }
    }
}
