package io.copartner.liberty.launcher;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Starts the whole platform in dependency order (PostgreSQL, Keycloak, chain, Liberty), waiting for each to
 * be ready, and stops it in reverse order. Parts configured as external are not started. Every process is
 * registered before it is waited for, so a stop during start-up (Ctrl-C) still stops everything.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private volatile ManagedProcess liberty;
    private volatile ManagedProcess chain;
    private volatile ManagedProcess keycloak;
    private volatile boolean closed;

    public Platform(PlatformSettings settings) {
        this.settings = settings;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public Platform start() {
        try {
            if (settings.externalDbUrl() == null) {
                step("PostgreSQL", () -> running.push(EmbeddedDatabase.start(settings)));
            }
            if (settings.externalKeycloakUrl() == null) {
                startKeycloak();
            }
            if (settings.externalChainRpcUrl() == null) {
                startChain();
            }
            startLiberty();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Liberty alone, e.g. to prove that data written before a stop is there after a start. */
    public void startLiberty() {
        step("Liberty", () -> {
            ManagedProcess p = LibertyServer.launch(settings);
            liberty = p;
            p.awaitReady(Duration.ofMinutes(4), () -> closed || LibertyServer.isReady(settings));
        });
    }

    /** The dev chain alone: tests stop it to prove that commerce goes on and anchors catch up later. */
    public void startChain() {
        step("dev chain", () -> {
            ManagedProcess p = DevChain.launch(settings);
            chain = p;
            p.awaitReady(Duration.ofSeconds(60), () -> closed || DevChain.isReady(settings));
        });
    }

    /** Keycloak alone: tests stop it to prove that merchant administration leaves nothing half done. */
    public void startKeycloak() {
        step("Keycloak", () -> {
            ManagedProcess p = KeycloakServer.launch(settings);
            keycloak = p;
            p.awaitReady(Duration.ofMinutes(4), () -> closed || KeycloakServer.isReady(settings));
        });
    }

    public void stopKeycloak() {
        ManagedProcess p = keycloak;
        keycloak = null;
        if (p != null) {
            p.stop(Duration.ofSeconds(30));
        }
    }

    public void stopChain() {
        ManagedProcess p = chain;
        chain = null;
        if (p != null) {
            p.stop(Duration.ofSeconds(10));
        }
    }

    public void stopLiberty() {
        ManagedProcess p = liberty;
        liberty = null;
        if (p != null) {
            p.stop(Duration.ofSeconds(60));
        }
    }

    @Override
    public void close() {
        closed = true;
        stopLiberty();
        stopChain();
        stopKeycloak();
        AutoCloseable next;
        while ((next = running.poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("[copartner] while stopping: " + e);
            }
        }
    }

    private void step(String what, Runnable action) {
        if (closed) {
            throw new IllegalStateException("platform is stopping");
        }
        long t0 = System.nanoTime();
        System.out.println("[copartner] starting " + what + " ...");
        action.run();
        System.out.printf("[copartner] %s ready in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
