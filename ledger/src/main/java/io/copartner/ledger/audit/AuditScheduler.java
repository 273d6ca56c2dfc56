package io.copartner.ledger.audit;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.kernel.event.PlatformStarted;
import io.copartner.ledger.api.AuditTrail;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the sequencer (every {@code copartner.audit.integrate.millis}, default 100 ms: the integration delay
 * stays well under a second) and the anchor worker (every second; its first tick reconciles with the chain), once
 * the schemas are migrated. Records the start-up fact
 * that this checkpoint key is published, so the log is never empty.
 */
@ApplicationScoped
public class AuditScheduler {

    private static final Logger LOG = Logger.getLogger(AuditScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    AuditIntegrator integrator;

    @Inject
    AnchorWorker anchors;

    @Inject
    KeyPublication keyPublication;

    @Inject
    @ConfigProperty(name = "copartner.audit.integrate.millis", defaultValue = "100")
    long integrateMillis;

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    void onStart(@Observes PlatformStarted started) {
        keyPublication.recordOnce();
        tasks.add(executor.scheduleWithFixedDelay(() -> guarded("sequencer", () -> {
            // Under load, batches come back full: keep draining, and rest only once the queue is short.
            int appended;
            do {
                appended = integrator.integrateBatch();
            } while (appended >= integrator.batchMax());
        }), 0, integrateMillis, TimeUnit.MILLISECONDS));
        tasks.add(executor.scheduleWithFixedDelay(() -> guarded("anchor worker", () -> {
            boolean anchored;
            do {
                anchored = anchors.anchorNext();
            } while (anchored);
        }), 1, 1, TimeUnit.SECONDS));
    }

    private static void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed; retrying on the next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }

    /** The key publication fact, recorded once per key. */
    @ApplicationScoped
    public static class KeyPublication {

        @Inject
        CheckpointKeys keys;

        @Inject
        AuditTrail audit;

        @PersistenceContext(unitName = "copartner")
        EntityManager em;

        @Transactional
        public void recordOnce() {
            String subject = "key:" + Hashes.hex(keys.signer().keyId());
            boolean known = !em.createNativeQuery(
                    "select 1 from ledger.audit_entry where type = 'platform.checkpoint-key.published' and subject = ?1")
                .setParameter(1, subject).getResultList().isEmpty();
            if (!known) {
                audit.record("platform.checkpoint-key.published", subject, Map.of(
                    "origin", keys.origin(),
                    "alg", "Ed25519",
                    "publicKey", Base64.getUrlEncoder().withoutPadding().encodeToString(keys.publicKey()),
                    "verifierKey", keys.signer().verifierKey()));
            }
        }
    }
}
