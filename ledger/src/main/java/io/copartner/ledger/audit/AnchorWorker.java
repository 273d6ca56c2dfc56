package io.copartner.ledger.audit;

import io.copartner.kernel.crypto.Hashes;
import io.copartner.ledger.audit.AnchorOutboxStore.Claim;
import io.copartner.ledger.audit.AnchorOutboxStore.Recorded;
import io.copartner.ledger.chain.AnchorReceipt;
import io.copartner.ledger.chain.AnchorRejectedException;
import io.copartner.ledger.chain.AnchoredEvent;
import io.copartner.ledger.service.AnchorChainService;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the anchor outbox after commit as claim, send, record: the newest queued checkpoint (older queued sizes
 * are covered by it) is leased to this instance in one short transaction, sent to AuditAnchor and waited for with
 * no transaction open, and recorded in a second short transaction. A failure backs off exponentially. The lease
 * is short and renewed by a heartbeat while the anchor is in flight, so a dead instance's checkpoint is taken over
 * within seconds; the taker-over finds the noted tx hash and waits for that transaction instead of sending another.
 *
 * <p>Reconciliation reads the contract and its {@code Anchored} logs and records what was mined but never
 * recorded (a crash between send and record, or a record that failed). It runs at start-up, after any failure,
 * and when the contract refuses a size as not increasing: that refusal means the size is on chain already.
 */
@ApplicationScoped
public class AnchorWorker {

    private static final Logger LOG = Logger.getLogger(AnchorWorker.class.getName());
    static final long MAX_BACKOFF_SECONDS = 60;

    @Inject
    AnchorChainService chain;

    @Inject
    AnchorOutbox outbox;

    /**
     * Short, so a dead holder's checkpoint is taken over within seconds; a live holder keeps it however long the
     * send and the receipt wait (up to 120 s) take, by renewing it (heartbeat).
     */
    @Inject
    @ConfigProperty(name = "copartner.audit.anchor.lease.seconds", defaultValue = "15")
    long leaseSeconds;

    /** How often a live holder renews its lease; at most a third of the lease, so two missed beats are survived. */
    @Inject
    @ConfigProperty(name = "copartner.audit.anchor.heartbeat.seconds", defaultValue = "3")
    long heartbeatSeconds;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "copartner.instance.id")
    Optional<String> configuredInstance;

    @Inject
    @ConfigProperty(name = "copartner.http.port", defaultValue = "9080")
    String httpPort;

    private volatile String instance;
    /** True at start-up and after a failure: reconcile before the next claim. */
    private volatile boolean reconcileNeeded = true;

    /** Anchors at most one checkpoint; returns whether the outbox moved on (worth another call at once). */
    @Transactional(Transactional.TxType.NEVER)
    public boolean anchorNext() {
        if (reconcileNeeded) {
            reconcileQuietly();
        }
        Optional<Claim> claimed = outbox.claim(instance(), leaseSeconds);
        if (claimed.isEmpty()) {
            return false;
        }
        Claim claim = claimed.get();
        Heartbeat heartbeat = new Heartbeat(claim);
        try {
            long t0 = System.nanoTime();
            AnchorReceipt receipt = land(claim);
            long t1 = System.nanoTime();
            outbox.record(receipt, claim.root());
            long t2 = System.nanoTime();
            boolean earlierTx = receipt.txHash().equalsIgnoreCase(String.valueOf(claim.txHash()));
            LOG.info(() -> String.format("Anchored tree size %d in tx %s (block %d): %s in %.0f ms,"
                + " recorded %.0f ms later", claim.treeSize(), receipt.txHash(), receipt.blockNumber(),
                earlierTx ? "sent by an earlier attempt, mined" : "sent and mined", (t1 - t0) / 1e6, (t2 - t1) / 1e6));
            return true;
        } catch (LeaseLostException e) {
            // Another instance presumed this one dead and took the checkpoint over: it sends, not us.
            LOG.warning(() -> "Lost the lease on tree size " + claim.treeSize() + " before sending; left to "
                + "the instance that took it over");
            return false;
        } catch (AnchorRejectedException e) {
            // TreeSizeNotIncreasing: this size (or a later one) is on chain already, most likely ours unrecorded.
            if (reconcileQuietly() && !outbox.queued(claim.id())) {
                return true;
            }
            fail(claim, e);
            return false;
        } catch (RuntimeException e) {
            fail(claim, e);
            reconcileNeeded = true;
            return false;
        } finally {
            heartbeat.stop();
        }
    }

    /**
     * Records every anchor the chain holds above the newest recorded one, once; returns how many it recorded.
     * Reads the contract's latest size first, so the logs are read only when something is missing.
     */
    @Transactional(Transactional.TxType.NEVER)
    public int reconcile() {
        long t0 = System.nanoTime();
        String contract = chain.contract().address();
        long onChain = chain.latestTreeSize();
        Recorded recorded = outbox.recorded(contract);
        if (onChain <= recorded.treeSize()) {
            return 0;
        }
        List<AnchoredEvent> events = chain.anchoredEvents(recorded.blockNumber());
        Reconciliation.Plan plan = Reconciliation.plan(events, recorded.treeSize(), outbox::checkpointRoot);
        for (AnchoredEvent e : plan.foreign()) {
            LOG.severe(() -> "The chain holds tree size " + e.treeSize() + " with root " + Hashes.hex(e.root())
                + " (tx " + e.txHash() + "), which is not this log's checkpoint: not recorded");
        }
        int n = 0;
        for (AnchoredEvent e : plan.toRecord()) {
            if (outbox.record(chain.receipt(e.txHash(), e.treeSize(), e.root()), e.root())) {
                n++;
            }
        }
        int recordedNow = n;
        LOG.info(() -> String.format("Reconciled from the chain: %d anchor(s) mined but not recorded, now recorded"
            + " (chain at %d, database was at %d) in %.0f ms", recordedNow, onChain, recorded.treeSize(),
            (System.nanoTime() - t0) / 1e6));
        return n;
    }

    /** The anchor for a claim: a transaction an earlier attempt sent if it is mined or pending, else a new one. */
    private AnchorReceipt land(Claim claim) {
        if (claim.txHash() != null) {
            switch (chain.state(claim.txHash())) {
                case MINED, PENDING -> {
                    return chain.awaitReceipt(claim.txHash(), claim.treeSize(), claim.root());
                }
                case REVERTED, UNKNOWN -> {
                    // changed nothing on chain: send again
                }
            }
        }
        // Sure of the lease right before broadcasting: a holder that was presumed dead must not send a second one.
        if (!outbox.renew(claim.id(), instance(), leaseSeconds)) {
            throw new LeaseLostException();
        }
        String txHash = chain.submit(claim.treeSize(), claim.root());
        outbox.noteTx(claim.id(), instance(), txHash);
        return chain.awaitReceipt(txHash, claim.treeSize(), claim.root());
    }

    private boolean reconcileQuietly() {
        try {
            reconcile();
            reconcileNeeded = false;
            return true;
        } catch (RuntimeException e) {
            reconcileNeeded = true;
            LOG.log(Level.FINE, "Reconciliation with the chain failed; retrying later", e);
            return false;
        }
    }

    private void fail(Claim claim, RuntimeException e) {
        long backoff = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(claim.attempts(), 6));
        LOG.log(Level.WARNING, "Anchoring tree size " + claim.treeSize() + " failed (attempt " + (claim.attempts() + 1)
            + "), retrying in " + backoff + " s: " + e.getMessage());
        try {
            outbox.fail(claim.id(), instance(), String.valueOf(e.getMessage()), backoff);
        } catch (RuntimeException dbDown) {
            // The lease stays ours; the next tick takes the row again and reconciles first.
            LOG.log(Level.WARNING, "Could not record the failed anchor attempt", dbDown);
        }
    }

    /**
     * Renews the lease on a claimed checkpoint every few seconds while it is sent and waited for, each renewal its
     * own short transaction on another thread (the chain call runs with none open). If this instance dies, the
     * renewals stop and the lease runs out within {@code leaseSeconds}.
     */
    private final class Heartbeat {
        private final Claim claim;
        private final ScheduledFuture<?> beats;
        private volatile boolean stopped;
        private volatile boolean lost;

        Heartbeat(Claim claim) {
            this.claim = claim;
            long every = Math.max(200, Math.min(heartbeatSeconds * 1000, leaseSeconds * 1000 / 3));
            this.beats = executor.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        private void beat() {
            try {
                if (!outbox.renew(claim.id(), instance(), leaseSeconds) && !stopped && !lost) {
                    lost = true;
                    LOG.warning(() -> "The lease on tree size " + claim.treeSize() + " was taken over by another"
                        + " instance while this one waited; recording stays idempotent");
                }
            } catch (RuntimeException e) {
                // The database is unreachable: the lease may run out, and a taker-over finds the noted tx hash.
                LOG.log(Level.FINE, "Could not renew the anchor lease", e);
            }
        }

        void stop() {
            stopped = true;
            beats.cancel(false);
        }
    }

    /** The lease was found leased to another instance (or done) when this one was about to send. */
    private static final class LeaseLostException extends RuntimeException {
        LeaseLostException() {
            super("anchor lease lost", null, false, false);
        }
    }

    /** Stable across restarts of the same server (host and port), so a restarted instance takes its leases back. */
    String instance() {
        String id = instance;
        if (id == null) {
            id = configuredInstance.filter(s -> !s.isBlank()).orElseGet(() -> host() + ":" + httpPort);
            instance = id;
        }
        return id;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
